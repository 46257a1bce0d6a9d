// Sends a prepared request for "Run test call": one Dispatcher per call from
// the HTTP port (a fresh connection each time, closed at the end; only the CA
// context is reused, see trust.ts), an overall deadline, a size cap on the body,
// redirects followed by hand (redirects.ts), and a result in which every
// string is already redacted.

import type { LookupFunction } from "node:net";
import type { HttpPort, Timers } from "../ports";
import type { PreparedRequest } from "../request/prepared-request";
import { redactHeaders, redactJson, redactText, viewRequest } from "../request/redact";
import { MAX_JSON_NESTING, nestsDeeperThan } from "../response/json-nesting";
import { decideRedirect, type Hop } from "./redirects";
import { readCapped } from "./read-body";
import { secureContextFor } from "./trust";
import { describeTransportError, timeoutFailure, type Failure } from "./failure-reason";
import type { RedirectHop, ResponseView, TestCallOutcome, TestCallResult } from "./test-call-result";

export interface TestCallOptions {
  /** where the request goes out (an undici Dispatcher per call) */
  http: HttpPort;
  /** for the deadline; default the global timers */
  timers?: Timers;
  /** whole call, redirects and body included; default 10 s */
  timeoutMs?: number;
  /** default 5 MB */
  maxBodyBytes?: number;
  /** default 5 */
  maxRedirects?: number;
  /** PEM certificates trusted in addition to the usual roots (a company CA, a test server) */
  extraCaPem?: string[];
  signal?: AbortSignal;
  /** milliseconds, for the reported time; default performance.now */
  now?: () => number;
  /** host name resolution; default the system's (a port for tests and for editors with their own resolver) */
  lookup?: LookupFunction;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;
export const DEFAULT_MAX_REDIRECTS = 5;

export async function runTestCall(request: PreparedRequest, options: TestCallOptions): Promise<TestCallResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const now = options.now ?? (() => performance.now());
  const { redactions } = request;

  let secureContext: ReturnType<typeof secureContextFor>;
  try {
    secureContext = secureContextFor(options.extraCaPem);
  } catch (error) {
    const reason = `An extra CA certificate could not be read: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`;
    return { request: viewRequest(request), redirects: [], response: null, outcome: failure("tls", reason), timeMs: 0 };
  }
  const timers = options.timers ?? globalThis;
  // Opened before the clock starts: the first call may load the HTTP library.
  const agent = await options.http.dispatcher({ timeoutMs, secureContext, ...(options.lookup ? { lookup: options.lookup } : {}) });
  const started = now();

  const controller = new AbortController();
  let timedOut = false;
  const timer = timers.setTimeout(() => {
    timedOut = true;
    controller.abort(new Error("timeout"));
  }, timeoutMs);
  const onCancel = () => controller.abort(new Error("cancelled"));
  options.signal?.addEventListener("abort", onCancel, { once: true });
  // An already aborted signal fires no event.
  if (options.signal?.aborted) onCancel();

  const redirects: RedirectHop[] = [];
  let response: ResponseView | null = null;
  let outcome: TestCallOutcome;
  let hop: Hop = { method: request.method, origin: request.origin, target: request.target, headers: request.headers, body: request.body, credentials: true };
  const stopped = (): Failure | undefined => {
    if (options.signal?.aborted) return { kind: "cancelled", reason: "The test call was cancelled" };
    if (timedOut) return timeoutFailure(timeoutMs);
    return undefined;
  };

  try {
    for (;;) {
      const answer = await agent.request({
        origin: hop.origin,
        path: hop.target,
        method: hop.method,
        headers: wireHeaders(hop.headers),
        body: hop.body,
        signal: controller.signal,
      });
      const headers = headerEntries(answer.headers);
      const location = headers.find(([name]) => name === "location")?.[1];
      const decision = decideRedirect(hop, answer.statusCode, location, request.credentialScope, redactions);
      if (decision.kind === "follow" && redirects.length < maxRedirects) {
        await answer.body.dump();
        redirects.push({ status: answer.statusCode, from: redactText(hop.origin + hop.target, redactions), to: redactText(decision.hop.origin + decision.hop.target, redactions), credentialsDropped: hop.credentials && !decision.hop.credentials });
        hop = decision.hop;
        continue;
      }
      const body = await readCapped(answer.body, maxBodyBytes);
      response = responseView(answer.statusCode, answer.statusText, headers, body.bytes, body.truncated, request);
      if (decision.kind === "follow") {
        outcome = failure("too-many-redirects", `Stopped after ${maxRedirects} redirects (the next one goes to ${redactText(decision.hop.origin + decision.hop.target, redactions)})`);
      } else if (decision.kind === "refuse-http") {
        outcome = failure("redirect-to-http", `Redirect to ${redactText(decision.location, redactions)} not followed: only https is followed`);
      } else if (decision.kind === "invalid") {
        outcome = failure("status", `The server answered ${answer.statusCode} with an invalid Location: ${redactText(decision.location, redactions)}`);
      } else {
        outcome = outcomeOf(response, maxBodyBytes);
      }
      break;
    }
  } catch (error) {
    const failed = stopped() ?? describeTransportError(error, new URL(hop.origin), timeoutMs);
    outcome = failure(failed.kind, redactText(failed.reason, redactions));
  } finally {
    timers.clearTimeout(timer);
    options.signal?.removeEventListener("abort", onCancel);
    // Sockets of a per-call agent have no later use; destroy rather than wait for keep-alive.
    await agent.destroy().catch(() => undefined);
  }

  return { request: viewRequest(request), redirects, response, outcome, timeMs: Math.round(now() - started) };
}

function failure(kind: TestCallOutcome["kind"], reason: string): TestCallOutcome {
  return { branch: "failure", kind, reason };
}

function outcomeOf(response: ResponseView, maxBodyBytes: number): TestCallOutcome {
  const { status } = response;
  if (status < 200 || status > 299) {
    return failure("status", `The server answered ${status}${response.statusText ? ` ${response.statusText}` : ""}`);
  }
  if (response.truncated) {
    return { branch: "success", kind: "too-large", reason: `The response is larger than ${formatBytes(maxBodyBytes)}: only its start is shown and no fields are listed` };
  }
  if (response.bodyBytes === 0 || response.body.trim() === "") {
    return { branch: "success", kind: "empty-body", reason: "The response body is empty: saved variables would be skipped" };
  }
  if (response.jsonRefused) return { branch: "success", kind: "not-json", reason: response.jsonRefused };
  if (!response.json) {
    const type = response.headers.find(([name]) => name === "content-type")?.[1];
    return { branch: "success", kind: "not-json", reason: `The response is not JSON${type ? ` (${type})` : ""}: saved variables would be skipped` };
  }
  return { branch: "success", kind: "ok", reason: null };
}

function responseView(status: number, statusText: string, headers: [string, string][], bytes: Uint8Array, truncated: boolean, request: PreparedRequest): ResponseView {
  const text = new TextDecoder().decode(bytes);
  let json: { value: unknown } | undefined;
  let jsonRefused: string | undefined;
  if (!truncated && text.trim() !== "") {
    let parsed: { value: unknown } | undefined;
    try {
      parsed = { value: JSON.parse(text) };
    } catch {
      parsed = undefined;
    }
    // Parsed before redaction (a secret could span JSON syntax), then scrubbed value by value.
    if (parsed && nestsDeeperThan(parsed.value, MAX_JSON_NESTING)) jsonRefused = `The response is JSON nested more than ${MAX_JSON_NESTING} levels deep, more than Bot Flow reads: saved variables would be skipped`;
    else if (parsed) json = { value: redactJson(parsed.value, request.redactions) };
  }
  return {
    status,
    statusText,
    headers: redactHeaders(headers, request.redactions),
    body: redactText(text, request.redactions),
    bodyBytes: bytes.byteLength,
    truncated,
    json,
    ...(jsonRefused ? { jsonRefused } : {}),
  };
}

/** Header values may hold any text; on the wire non-ASCII characters go as their UTF-8 bytes (as curl does). */
function wireHeaders(headers: [string, string][]): string[] {
  const flat: string[] = [];
  for (const [name, value] of headers) {
    flat.push(name, /[^\x00-\x7f]/.test(value) ? Buffer.from(value, "utf8").toString("latin1") : value);
  }
  return flat;
}

function headerEntries(headers: Record<string, string | string[] | undefined>): [string, string][] {
  const out: [string, string][] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (Array.isArray(value)) for (const v of value) out.push([name, v]);
    else if (value !== undefined) out.push([name, value]);
  }
  return out;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes} bytes`;
}
