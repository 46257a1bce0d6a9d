// API drift: a response compared with the step's recorded sample, for the
// paths the step saves. Drift is (docs/samples.md):
// - a saved path the sample has and the response lacks ("gone");
// - a saved path whose JSON type changed ("type"): the response has a type
//   there the sample never had; null counts as a value, not a type, so an
//   optional field turning null (or back) is not drift;
// - a status that left 2xx ("status"), when the sample's was 2xx;
// - a body that stopped being JSON while the sample's was ("not-json").
// New fields and changed values are not drift. Paths the sample does not
// have are the editor's `save-path-missing`, not drift.

import type { CallStep } from "../syntax/ast";
import type { Diagnostic, Span } from "../types";
import type { JsonType } from "../response/fields";
import { formatPath } from "../response/response-path";
import { lookupPath } from "./sample-paths";
import { checkPath, type PathSource } from "./step-sample";
import { isSuccessStatus, type ResponseSample } from "./sample";

export const DRIFT_CODE = "response-drift";

export interface DriftFinding {
  kind: "gone" | "type" | "status" | "not-json";
  /** the save's path, or the step's name for the whole response */
  span: Span;
  /** one line: `lookup_order: order.status is gone from the response (saved as status)` */
  message: string;
}

export interface ComparedResponse {
  status: number;
  json?: { value: unknown };
}

export function responseDrift(step: CallStep, sample: ResponseSample, response: ComparedResponse): DriftFinding[] {
  const name = step.name?.name ?? "call";
  const stepSpan = step.name?.span ?? step.keywordSpan;
  if (!isSuccessStatus(sample.status) || !sample.json) return [];
  if (!isSuccessStatus(response.status)) {
    return [{ kind: "status", span: stepSpan, message: `${name}: the response status is ${response.status}, the sample's was ${sample.status} (the call now takes the failure branch)` }];
  }
  const source: PathSource = { origin: "recorded sample", value: sample.json.value, capped: sample.capped, sample };
  const findings: DriftFinding[] = [];
  const saved = step.saves.flatMap((save) => {
    if (!save.path || !save.variable) return [];
    const before = checkPath(source, save.path.segments);
    return before.kind === "found" ? [{ save, path: save.path, variable: save.variable.name, before }] : [];
  });
  if (!saved.length) return [];
  if (!response.json) {
    const names = saved.map((s) => s.variable).join(", ");
    return [{ kind: "not-json", span: stepSpan, message: `${name}: the response has no JSON body any more, so ${names} would be unset` }];
  }
  for (const { path, variable, before } of saved) {
    const written = formatPath(path.segments);
    const now = lookupPath(response.json.value, path.segments);
    if (!now.found) {
      findings.push({ kind: "gone", span: path.span, message: `${name}: ${written} is gone from the response (saved as ${variable})` });
      continue;
    }
    const was = nonNull(before.types);
    const is = nonNull(now.types);
    const added = is.filter((t) => !was.includes(t));
    if (was.length && added.length) {
      findings.push({ kind: "type", span: path.span, message: `${name}: ${written} is ${article(added)} in the response, the sample's is ${article(was)} (saved as ${variable})` });
    }
  }
  return findings;
}

/** Findings as diagnostics, so the CLI prints them in `check`'s format: `FILE:LINE:COL: error response-drift: …`. */
export function driftDiagnostics(findings: readonly DriftFinding[]): Diagnostic[] {
  return findings.map((f) => ({ code: DRIFT_CODE, severity: "error", message: f.message, span: f.span }));
}

function nonNull(types: readonly JsonType[]): JsonType[] {
  return types.filter((t) => t !== "null");
}

function article(types: readonly JsonType[]): string {
  return types.map((t) => `${t === "object" || t === "array" ? "an" : "a"} ${t}`).join(" or ");
}
