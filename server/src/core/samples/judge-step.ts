// One call step's verdict in a drift run (`botflow test --all`): what was
// sent (or why not) compared with the step's sample. The shell sends the
// requests and prints; the judging, the findings and whether a sample may
// be rewritten (`--record`) are decided here, once.

import type { CallStep } from "../syntax/ast";
import type { Diagnostic } from "../types";
import { driftDiagnostics, responseDrift, type ComparedResponse } from "./drift";
import { isSuccessStatus, type SampleLoad } from "./sample";

/** What happened to the step, as the shell saw it. Every string already free of secrets. */
export type StepRun =
  /** the request could not be built (a value or a secret missing): not a failure of the run */
  | { kind: "unsendable"; reason: string }
  /** sent; `response` absent when none arrived (timeout, TLS, network error) */
  | { kind: "sent"; branch: "success" | "failure"; reason?: string; response?: ComparedResponse; timeMs: number };

export type StepVerdict =
  | { kind: "passed"; note?: string }
  | { kind: "skipped"; reason: string }
  | { kind: "drift"; diagnostics: Diagnostic[] }
  | { kind: "failure"; reason: string }
  | { kind: "sample-invalid"; diagnostics: Diagnostic[] };

export function judgeStep(step: CallStep, sample: SampleLoad | undefined, run: StepRun): StepVerdict {
  const name = step.name?.name ?? "call";
  if (run.kind === "unsendable") return { kind: "skipped", reason: run.reason };
  if (sample && !sample.ok) {
    const file = sample.file ? ` ${sample.file}` : "";
    return {
      kind: "sample-invalid",
      diagnostics: [{ code: "sample-invalid", severity: "error", span: step.name?.span ?? step.keywordSpan, message: `The recorded sample${file} of ${name} cannot be used: ${sample.message}` }],
    };
  }
  if (sample?.ok && run.response) {
    const findings = responseDrift(step, sample.sample, run.response);
    if (findings.length) return { kind: "drift", diagnostics: driftDiagnostics(findings) };
  }
  if (run.branch === "failure") {
    const status = run.response ? `HTTP ${run.response.status}` : undefined;
    return { kind: "failure", reason: `${name}: ${[status, run.reason].filter(Boolean).join(": ") || "the call took the failure branch"}` };
  }
  return sample ? { kind: "passed" } : { kind: "passed", note: `${name}: no sample to compare with (record one with --record)` };
}

/**
 * May `--record` write the step's sample? Not over a file that cannot be
 * read as a sample (it may be a hand edit in progress: never overwritten
 * silently), not from a run that got no response, and not a non-2xx
 * response over a 2xx sample.
 */
export function mayRecord(existing: SampleLoad | undefined, run: StepRun): { ok: true } | { ok: false; reason: string } {
  if (run.kind !== "sent" || !run.response) return { ok: false, reason: "no response to record" };
  if (existing && !existing.ok) return { ok: false, reason: `${existing.file ?? "the sample file"} is not a valid sample (${existing.message}); fix or delete it to record a new one` };
  // an error body would replace the success shape every save path is checked against
  if (existing?.ok && isSuccessStatus(existing.sample.status) && !isSuccessStatus(run.response.status)) {
    return { ok: false, reason: `the response is ${run.response.status}: the ${existing.sample.status} sample is kept` };
  }
  return { ok: true };
}
