// A test call's result reduced to what the editor keeps per step (the code
// lens title, hovers' sample values, path completion after `save x =`): the
// shape of features/test-call-summary.ts, computed here so the client only
// forwards it. Everything in a TestCallResult is already redacted.

import type { CallStep } from "../syntax/ast";
import type { TestCallSummary } from "../features/test-call-summary";
import type { TestCallResult } from "../runner/test-call-result";
import { responseFields, sample, valueAt } from "./fields";

export function summarizeTestCall(result: TestCallResult, step: CallStep): TestCallSummary {
  const { response, outcome } = result;
  const summary: TestCallSummary = { durationMs: result.timeMs };
  if (response) {
    summary.status = response.status;
    summary.statusText = response.statusText;
  }
  if (outcome.branch === "failure") summary.error = outcome.reason ?? undefined;
  const list = responseFields(result);
  if (list.fields.length) summary.fields = list.fields.map(({ path, value, type }) => ({ path, value, type }));
  // Saved variables are only set on the success branch, and only when the path exists.
  if (outcome.branch === "success" && response?.json) {
    const saved: Record<string, string> = {};
    for (const save of step.saves) {
      if (!save.variable || !save.path) continue;
      const value = valueAt(response.json.value, save.path.segments);
      if (value !== undefined) saved[save.variable.name] = sample(value);
    }
    if (Object.keys(saved).length) summary.savedValues = saved;
  }
  return summary;
}
