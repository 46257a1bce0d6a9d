// What a test call produced, ready to show: every string here is already
// redacted, so a shell can print or send any of it.

import type { RequestView } from "../request/prepared-request";

/**
 * The branch follows the spec (any 2xx → success, anything else → failure).
 * On the success branch, `kind` still flags a body that saves cannot read;
 * on the failure branch it says what went wrong.
 */
export type OutcomeKind =
  | "ok"
  | "empty-body"
  | "not-json"
  | "too-large"
  | "status"
  | "timeout"
  | "dns"
  | "refused"
  | "tls"
  | "redirect-to-http"
  | "too-many-redirects"
  | "network"
  | "cancelled";

export interface TestCallOutcome {
  branch: "success" | "failure";
  kind: OutcomeKind;
  /** one line a bot author understands; null when kind is "ok" */
  reason: string | null;
}

export interface ResponseView {
  status: number;
  statusText: string;
  headers: [string, string][];
  /** decoded as UTF-8, cut at the size cap */
  body: string;
  /** bytes received (at most the cap) */
  bodyBytes: number;
  truncated: boolean;
  /** the parsed body; absent when empty, not JSON, truncated or nested past MAX_JSON_NESTING */
  json?: { value: unknown };
  /** why a body that parses as JSON is not read as JSON (nested too deep), in one line */
  jsonRefused?: string;
}

export interface RedirectHop {
  status: number;
  from: string;
  to: string;
  /** the next host is outside the connection's scope, so its credentials were not sent there */
  credentialsDropped: boolean;
}

export interface TestCallResult {
  /** the request as first sent */
  request: RequestView;
  redirects: RedirectHop[];
  /** the last response; null when none arrived */
  response: ResponseView | null;
  outcome: TestCallOutcome;
  /** from sending to the end of the body, redirects included */
  timeMs: number;
}
