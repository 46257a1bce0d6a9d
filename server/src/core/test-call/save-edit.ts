// After a test call: the one edit that adds the chosen `save` lines and the
// typed values as `test` lines to the step, composed from edits against the
// same text (no second parse), for the editor's one undo step and the
// CLI's --insert alike.

import { suggestSaves, insertSaveLines, insertStepLines, saveAnchor, type ChosenSave, type SaveSuggestion } from "../response/save-lines";
import type { ResponseField } from "../response/fields";
import { applyEdits, planTestLines, singleEdit } from "../response/test-lines";
import type { CallStep, FlowFile } from "../syntax/ast";
import type { TextEdit } from "../types";
import type { LastTestCall } from "./report";

export type SaveEdit = { ok: true /** the whole text after the edit */; text: string /** undefined when nothing changes */; edit?: TextEdit; lines: string[] } | { ok: false; message: string };

/** The fields of a run with the names their save lines would use in the file as it is now. */
export function saveSuggestions(ast: FlowFile, step: CallStep, fields: readonly ResponseField[]): SaveSuggestion[] {
  return suggestSaves(ast, step, fields);
}

/**
 * Paths → the saves to write (a path already saved is skipped, a repeated
 * one taken once); `missing` names the first path the run has no field for.
 */
export function chooseSaves(suggestions: readonly SaveSuggestion[], paths: readonly string[]): { ok: true; chosen: ChosenSave[] } | { ok: false; missing: string } {
  const chosen: ChosenSave[] = [];
  for (const path of paths) {
    const found = suggestions.find((s) => s.field.path === path);
    if (!found) return { ok: false, missing: path };
    if (!found.alreadySavedAs && !chosen.some((c) => c.path === path)) chosen.push({ name: found.name, path });
  }
  return { ok: true, chosen };
}

/** Every value field not saved yet: saving a whole object or array is rarely what "all" means, and would eat the save limit. */
export function chooseAllValues(suggestions: readonly SaveSuggestion[]): ChosenSave[] {
  return suggestions.filter((s) => !s.alreadySavedAs && s.field.type !== "object" && s.field.type !== "array").map((s) => ({ name: s.name, path: s.field.path }));
}

export function composeSaveEdit(text: string, step: CallStep, chosen: readonly ChosenSave[], tests: Readonly<Record<string, string>> = {}): SaveEdit {
  const edits: TextEdit[] = [];
  const lines: string[] = [];
  const planned = planTestLines(step, tests);
  edits.push(...planned.replacements);
  if (chosen.length) {
    const saves = insertSaveLines(text, step, chosen);
    if (!saves.ok) return saves;
    const saveLines = saves.lines;
    // New test lines follow the saves when the step has no test line of its own to follow:
    // one insertion of both keeps them in that order (as a second parse after the saves would).
    const together = planned.fresh.length && !step.tests.length;
    const inserted = together ? insertStepLines(text, step, [...saveLines, ...planned.fresh], saveAnchor(step)) : saves;
    if (!inserted.ok) return inserted;
    edits.push(inserted.edit);
    lines.push(...saveLines);
    if (planned.fresh.length && !together) {
      const tested = insertStepLines(text, step, planned.fresh, planned.anchor);
      if (!tested.ok) return tested;
      if (overlaps(tested.edit, inserted.edit)) return { ok: false, message: `${step.name?.name ?? "The step"} cannot take both save and test lines in one edit: add them one after the other` };
      edits.push(tested.edit);
    }
  } else if (planned.fresh.length) {
    const tested = insertStepLines(text, step, planned.fresh, planned.anchor);
    if (!tested.ok) return tested;
    edits.push(tested.edit);
  }
  lines.push(...planned.lines);
  const after = applyEdits(text, edits);
  const edit = singleEdit(text, after);
  return { ok: true, text: after, ...(edit ? { edit } : {}), lines };
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  return (a.span.start < b.span.end && b.span.start < a.span.end) || a.span.start === b.span.start;
}

export interface SaveLinesChoice {
  /** response paths from the last run's fields */
  paths: readonly string[];
  /** values to write as `test NAME = "value"` lines too */
  tests?: Readonly<Record<string, string>>;
}

/** The editor's "save these fields (and keep these values)" after a run, with the reason when it cannot be done. */
export function saveLinesEdit(document: { ast: FlowFile; text: string }, step: CallStep, last: LastTestCall | undefined, choice: SaveLinesChoice): SaveEdit {
  const name = step.name?.name ?? "the step";
  let chosen: ChosenSave[] = [];
  if (choice.paths.length) {
    if (!last?.run) return { ok: false, message: `Run the test call of ${name} first` };
    if (last.run.branch !== "success") return { ok: false, message: "The call took the failure branch, where saved variables are not set" };
    const picked = chooseSaves(saveSuggestions(document.ast, step, last.run.fields), choice.paths);
    if (!picked.ok) return { ok: false, message: `The last response has no field ${picked.missing}` };
    chosen = picked.chosen;
  }
  return composeSaveEdit(document.text, step, chosen, choice.tests);
}
