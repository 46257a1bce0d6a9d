// After a test call: what `--record` (and "Run test call" with
// botflow.samples.record on) keeps of it. Pure: whether the step's sample may
// be (re)written (mayRecord), and the masked, capped file text (recordSample)
// made with the prepared request's redactions. The shells write the text.

import type { Redactions } from "../request/prepared-request";
import type { ResponseView, TestCallResult } from "../runner/test-call-result";
import { MAX_JSON_NESTING } from "../response/json-nesting";
import type { StepRun } from "../samples/judge-step";
import { mayRecord } from "../samples/judge-step";
import { recordSample, type RecordableResponse } from "../samples/record-sample";
import type { ResponseSample, SampleLoad } from "../samples/sample";

export type RecordDecision = { ok: true; sample: ResponseSample; text: string } | { ok: false; reason: string };

/**
 * What a sent call can record, closed over the secrets it must mask: the
 * redactions never leave this closure (a shell that logs or serialises the
 * send's answer cannot leak them: JSON drops functions).
 */
export type Recorder = (existing: SampleLoad | undefined, now: Date) => RecordDecision;

/** The sent call as a drift run judges it (judgeStep). */
export function stepRunOf(result: TestCallResult): StepRun {
  const { outcome, response } = result;
  return {
    kind: "sent",
    branch: outcome.branch,
    ...(outcome.reason ? { reason: outcome.reason } : {}),
    ...(response ? { response: { status: response.status, ...(response.json ? { json: response.json } : {}) } } : {}),
    timeMs: result.timeMs,
  };
}

export function recorderOf(result: TestCallResult, redactions: Redactions): Recorder {
  const run = stepRunOf(result);
  return (existing, now) => {
    const allowed = mayRecord(existing, run);
    if (!allowed.ok) return allowed;
    const response = result.response;
    if (!response) return { ok: false, reason: "no response to record" };
    const recordable: RecordableResponse = {
      status: response.status,
      ...(response.statusText ? { statusText: response.statusText } : {}),
      headers: response.headers,
      ...(response.json ? { json: response.json } : { reason: noJsonReason(response) }),
    };
    const made = recordSample(recordable, redactions, now);
    return made.ok ? made : { ok: false, reason: made.message };
  };
}

function noJsonReason({ body, truncated, jsonRefused }: ResponseView): string {
  if (truncated) return "the response was too large to read whole";
  if (jsonRefused) return `the response is JSON nested more than ${MAX_JSON_NESTING} levels deep`;
  return body.trim() === "" ? "the response body is empty" : "the response is not JSON";
}
