// From a field list to `save` lines in the call step: which name each field
// would get, and the one text edit that inserts the chosen ones. The same
// edit serves the editor (as a workspace edit) and the CLI (written to the file).
//
// Placement: after the step's last `save`; without one, after its request,
// connection, header and body lines; always before `on success` / `on failure`.
// Indentation is that of the line the insertion follows.

import type { CallStep, FlowFile } from "../syntax/ast";
import type { Span, TextEdit } from "../types";
import { collectSymbols } from "../analysis/symbols";
import type { ResponseField } from "./fields";
import { formatPath } from "./response-path";
import { uniqueName } from "./save-names";

export const MAX_SAVES = 8;
const VARIABLE_NAME = /^[a-z0-9_]+$/;

export interface SaveSuggestion {
  field: ResponseField;
  /** the name a `save` line would use */
  name: string;
  /** set when the step already saves this path: the name it uses */
  alreadySavedAs?: string;
}

export interface ChosenSave {
  name: string;
  path: string;
}

export type InsertResult = { ok: true; edit: TextEdit; lines: string[] } | { ok: false; message: string };

export function suggestSaves(ast: FlowFile, step: CallStep, fields: readonly ResponseField[]): SaveSuggestion[] {
  const taken = new Set(collectSymbols(ast).variables.keys());
  const saved = new Map<string, string>();
  for (const save of step.saves) if (save.path && save.variable) saved.set(formatPath(save.path.segments), save.variable.name);
  return fields.map((field) => {
    const existing = saved.get(field.path);
    return existing ? { field, name: existing, alreadySavedAs: existing } : { field, name: uniqueName(field.segments, taken) };
  });
}

/** How many more saves the step may take. */
export function savesLeft(step: CallStep): number {
  return Math.max(0, MAX_SAVES - step.saves.length);
}

export function insertSaveLines(text: string, step: CallStep, chosen: readonly ChosenSave[]): InsertResult {
  if (chosen.length === 0) return { ok: false, message: "No fields were chosen" };
  const stepName = step.name?.name ?? "this step";
  const existing = new Set(step.saves.flatMap((s) => (s.variable ? [s.variable.name] : [])));
  const names = new Set<string>();
  for (const { name } of chosen) {
    if (!VARIABLE_NAME.test(name)) return { ok: false, message: `${JSON.stringify(name)} is not a valid variable name: use lowercase letters, digits and underscores` };
    if (existing.has(name) || names.has(name)) return { ok: false, message: `${stepName} already saves a variable named ${name}` };
    names.add(name);
  }
  const left = savesLeft(step);
  if (chosen.length > left) {
    return {
      ok: false,
      message: `A call step saves at most ${MAX_SAVES} fields: ${stepName} has ${step.saves.length} already, so ${left === 0 ? "no more can be added" : `only ${left} more can be added`} (${chosen.length} chosen)`,
    };
  }
  return insertStepLines(text, step, chosen.map((c) => `save ${c.name} = ${c.path}`), saveAnchor(step));
}

/**
 * The edit that inserts whole lines into a call step's block: on new lines after
 * `anchor`'s line when that line holds nothing that must come after, else
 * before the first branch (or the closing brace). Shared by save and test lines.
 */
export function insertStepLines(text: string, step: CallStep, lines: string[], anchor: Span | undefined): InsertResult {
  const stepName = step.name?.name ?? "this step";
  if (!step.blockSpan || text[step.blockSpan.end - 1] !== "}") return { ok: false, message: `${stepName} has no closing }: fix the step first` };

  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const firstBranch = [step.onSuccess, step.onFailure].filter((b) => !!b).map((b) => b!.span.start).sort((a, b) => a - b)[0];
  const closeAt = step.blockSpan.end - 1;

  // Insert on a new line after the anchor's line, unless that line also holds what must come after (a branch, the closing brace).
  const useAnchor = anchor && (firstBranch === undefined || anchor.end <= firstBranch);
  if (useAnchor) {
    const lineEnd = endOfLine(text, anchor.end);
    const limit = Math.min(firstBranch ?? closeAt, closeAt);
    if (lineEnd <= limit) {
      const indent = indentOf(text, anchor.start);
      return { ok: true, lines, edit: { span: { start: lineEnd, end: lineEnd }, newText: lines.map((l) => `${eol}${indent}${l}`).join("") } };
    }
  }
  // Before the first branch (or the closing brace), on lines of their own.
  const before = firstBranch ?? closeAt;
  const stepIndent = indentOf(text, step.span.start);
  const indent = firstBranch !== undefined ? indentOf(text, firstBranch) : stepIndent + unitOf(text);
  const lineStart = startOfLine(text, before);
  if (/^[ \t]*$/.test(text.slice(lineStart, before))) {
    // `before` starts its line: insert whole lines above it.
    return { ok: true, lines, edit: { span: { start: lineStart, end: lineStart }, newText: lines.map((l) => `${indent}${l}${eol}`).join("") } };
  }
  const tail = firstBranch !== undefined ? indent : stepIndent;
  // Replace the spaces before it too, so no line is left with trailing blanks.
  let start = before;
  while (start > lineStart && (text[start - 1] === " " || text[start - 1] === "\t")) start--;
  return { ok: true, lines, edit: { span: { start, end: before }, newText: `${eol}${lines.map((l) => `${indent}${l}${eol}`).join("")}${tail}` } };
}

/** The statement the new lines follow: the last save, else the last request-side line. */
export function saveAnchor(step: CallStep): Span | undefined {
  const last = (spans: Span[]) => spans.sort((a, b) => a.end - b.end).at(-1);
  return last(step.saves.map((s) => s.span))
    ?? last([...step.requests, ...step.connections, ...step.headers, ...step.bodies, ...step.descriptions].map((n) => n.span));
}

function endOfLine(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== "\n" && text[i] !== "\r") i++;
  return i;
}

function startOfLine(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== "\n" && text[i - 1] !== "\r") i--;
  return i;
}

function indentOf(text: string, offset: number): string {
  const start = startOfLine(text, offset);
  return /^[ \t]*/.exec(text.slice(start, offset))![0];
}

/** The file's indentation unit: a tab if lines start with tabs, else two spaces. */
function unitOf(text: string): string {
  return /^\t/m.test(text) ? "\t" : "  ";
}
