// A response turned into the sample file that is kept for it: secrets masked,
// capped by the rule in cap-json.ts, headers that change on every call left
// out (so a re-recorded sample of an unchanged API differs only in
// `recorded`). Masking covers every value of the step's credentials, in the
// forms redact.ts knows, anywhere: string values, keys, numbers that spell
// one, headers; credential headers are shown by kind only. A last check on
// the finished text refuses to return a sample that still holds a secret.

import type { Redactions } from "../request/prepared-request";
import { MASK, redactHeaderValue, redactText } from "../request/redact";
import { capJson } from "./cap-json";
import { sampleText, type ResponseSample } from "./sample";

export interface RecordableResponse {
  status: number;
  /** the reason phrase, as the runner's ResponseView has it */
  statusText?: string;
  headers: readonly (readonly [string, string])[];
  /** the parsed body; absent when the body was empty, not JSON or cut off */
  json?: { value: unknown };
  /** why there is no JSON body (kept in the sample so readers know why no path is checked) */
  reason?: string;
}

export type RecordResult = { ok: true; sample: ResponseSample; text: string } | { ok: false; message: string };

/** Headers that differ on every call or only describe the transfer: not worth a line in a reviewed file. */
const VOLATILE_HEADERS = new Set([
  "date", "age", "expires", "last-modified", "etag", "content-length", "connection", "keep-alive",
  "transfer-encoding", "server-timing", "x-request-id", "x-correlation-id", "request-id", "cf-ray",
  "x-amz-cf-id", "x-amzn-requestid", "x-amzn-trace-id", "x-runtime", "report-to", "nel", "strict-transport-security",
]);

export function recordSample(response: RecordableResponse, redactions: Redactions, now: Date): RecordResult {
  const headers: Record<string, string> = {};
  for (const [name, value] of response.headers) {
    const lower = name.toLowerCase();
    if (VOLATILE_HEADERS.has(lower)) continue;
    const masked = redactHeaderValue(lower, value, redactions);
    headers[lower] = headers[lower] === undefined ? masked : `${headers[lower]}, ${masked}`;
  }
  const sample: ResponseSample = {
    status: response.status,
    ...(response.statusText ? { statusText: redactText(response.statusText, redactions) } : {}),
    recorded: now.toISOString(),
    headers,
    capped: [],
  };
  if (response.json) {
    const mask = (text: string) => redactText(text, redactions);
    const { value, capped } = capJson(response.json.value, {
      string: mask,
      key: mask,
      // a numeric secret echoed as a JSON number is masked too (it becomes the string "••••")
      scalar: (v) => (mask(String(v)) === String(v) ? v : MASK),
    });
    sample.json = { value };
    sample.capped = capped;
  } else {
    sample.reason = response.reason ?? "the response has no JSON body";
  }
  if (sample.reason !== undefined) sample.reason = redactText(sample.reason, redactions);
  const text = sampleText(sample);
  if (redactText(text, redactions) !== text) {
    // A secret split across JSON syntax (or otherwise out of reach of value masking): keep nothing rather than leak.
    return { ok: false, message: "a credential shows in the response in a form that cannot be masked, so no sample was kept" };
  }
  return { ok: true, sample, text };
}
