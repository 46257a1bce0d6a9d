// `test NAME = "value"` lines written back after "Run test call", for the
// values the person typed, so the next run needs no prompt. A name that
// already has a test line gets its value replaced instead of a second line
// (the first test line for a name wins, see request/test-values.ts).
// Also: several edits of one text composed into the single edit a shell
// applies (one undo step in the editor).

import type { CallStep } from "../syntax/ast";
import type { Span, TextEdit } from "../types";

const VARIABLE_NAME = /^[a-z0-9_]+$/;

/** Test lines for `values`: value replacements for names that have a line, new lines for the others, and where those go. */
export function planTestLines(step: CallStep, values: Readonly<Record<string, string>>): { replacements: TextEdit[]; fresh: string[]; lines: string[]; anchor: Span | undefined } {
  const replacements: TextEdit[] = [];
  const replaced: string[] = [];
  const fresh: string[] = [];
  for (const [name, value] of Object.entries(values)) {
    if (!VARIABLE_NAME.test(name)) continue; // a system variable (customer.email) cannot have a test line
    const literal = JSON.stringify(value);
    const existing = step.tests.find((t) => t.variable?.name === name);
    if (existing?.value) {
      if (existing.value.value === value) continue;
      replacements.push({ span: existing.value.span, newText: literal });
      replaced.push(`test ${name} = ${literal}`);
    } else if (!existing) {
      fresh.push(`test ${name} = ${literal}`);
    }
  }
  return { replacements, fresh, lines: [...replaced, ...fresh], anchor: testAnchor(step) };
}

/** After the last test line; else after the last save; else after the request-side lines. */
function testAnchor(step: CallStep): Span | undefined {
  const last = (spans: Span[]) => spans.sort((a, b) => a.end - b.end).at(-1);
  return last(step.tests.map((t) => t.span))
    ?? last(step.saves.map((s) => s.span))
    ?? last([...step.requests, ...step.connections, ...step.headers, ...step.bodies, ...step.descriptions].map((n) => n.span));
}

/** Applies non-overlapping edits (each against `text`) and returns the result. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}

/** One edit turning `before` into `after`: the changed middle, common start and end left alone. */
export function singleEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before[start] === after[start]) start++;
  let end = 0;
  while (end < max - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return { span: { start, end: before.length - end }, newText: after.slice(start, after.length - end) };
}
