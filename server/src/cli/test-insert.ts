// `botflow test --insert PATH` / `--insert-all`: the save lines chosen from a
// run's fields, written into the flow file with the core's edit (the same one
// the editor applies), unless the file changed while the call ran.

import type { FlowService, ReadyPlan, SaveEdit, SaveSuggestion, SentReport } from "../core/index";
import { savesLeft } from "../core/index";
import type { CliFileSystem } from "./io";
import type { Options } from "./test-options";

/** Writes the chosen save lines into the file; returns them, or why nothing was written. */
export async function insertSaves(
  testCall: FlowService["testCall"],
  fs: CliFileSystem,
  options: Options,
  suggestions: SaveSuggestion[],
  report: SentReport,
  text: string,
  plan: ReadyPlan,
  path: string,
): Promise<string[] | string> {
  if (report.branch !== "success") return "the call took the failure branch, where saved variables are not set";
  if (!suggestions.length) return "the response has no fields to save";
  const { step } = plan;
  let edit: SaveEdit;
  if (options.insertAll) {
    const chosen = testCall.chooseAllValues(suggestions);
    if (!chosen.length) return "every value field is saved already";
    const left = savesLeft(step);
    if (chosen.length > left) return `${chosen.length} value fields, but ${plan.name} can take ${left} more save${left === 1 ? "" : "s"} (at most 8): choose with --insert PATH`;
    edit = testCall.composeSaveEdit(text, step, chosen);
  } else {
    const picked = testCall.chooseSaves(suggestions, options.insert);
    if (!picked.ok) return `the response has no field ${picked.missing} (paths are written as in the field list, e.g. order.items[0].sku)`;
    if (!picked.chosen.length) return "every chosen field is saved already";
    edit = testCall.composeSaveEdit(text, step, picked.chosen);
  }
  if (!edit.ok) return edit.message;
  // The call took a while: do not overwrite edits made meanwhile.
  const current = await fs.readText(path).catch(() => undefined);
  if (current !== text) return `${path} changed while the call ran`;
  await fs.writeText(path, edit.text);
  return edit.lines;
}
