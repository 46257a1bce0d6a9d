// A call's `save` lines applied to the conversation's variables. On success
// each variable takes its value from the response or becomes unset (missing
// path, null, no JSON body); on failure every one of them is unset, so a
// value from an earlier pass through a goto loop never poses as this call's.

import type { CallStep } from "../syntax/ast";
import type { CallOutcome } from "./ports";
import { storedText, valueAtPath } from "./response-value";

export interface SaveReport {
  saved: string[];
  /** saved by the step but left unset by this response */
  unset: string[];
}

export function applySaves(step: CallStep, outcome: CallOutcome, values: Map<string, string>): SaveReport {
  const report: SaveReport = { saved: [], unset: [] };
  for (const save of step.saves) {
    const name = save.variable?.name;
    if (!name) continue;
    const text = outcome.branch === "success" && outcome.json && save.path ? storedText(valueAtPath(outcome.json.value, save.path.segments)) : undefined;
    if (text === undefined) {
      values.delete(name);
      report.unset.push(name);
    } else {
      values.set(name, text);
      report.saved.push(name);
    }
  }
  return report;
}
