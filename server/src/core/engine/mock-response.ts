// Mock answers for call steps, so a flow runs without the real API (CI,
// transcripts, demos). A mock file holds either an envelope
//   {"status": 404, "body": {...}}     any status; body optional (absent: empty body)
//   {"error": "connection refused"}    no response at all: the failure branch with that reason
// or any other JSON value, which is a 200 response with that body. An empty
// file is a 200 with an empty body. An object counts as an envelope only when
// its keys are among status/body/error and status is an HTTP status (or error
// a string); to mock a body that looks like an envelope, wrap it in one.

import type { CallStep } from "../syntax/ast";
import type { CallOutcome, CallPerformer } from "./ports";

export type MockResponse =
  | { kind: "response"; status: number; json?: { value: unknown } }
  | { kind: "error"; reason: string };

export type MockParse = { ok: true; mock: MockResponse } | { ok: false; message: string };

const ENVELOPE_KEYS = new Set(["status", "body", "error"]);

export function parseMockResponse(text: string): MockParse {
  if (text.trim() === "") return { ok: true, mock: { kind: "response", status: 200 } };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `not valid JSON: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}` };
  }
  if (!isEnvelope(value)) return { ok: true, mock: { kind: "response", status: 200, json: { value } } };
  const { status, body, error } = value;
  if (status === undefined) {
    if (typeof error !== "string" || error.trim() === "") return { ok: false, message: `"error" must be a non-empty string` };
    return { ok: true, mock: { kind: "error", reason: error.trim() } };
  }
  if (!isHttpStatus(status)) return { ok: false, message: `"status" must be an HTTP status from 100 to 599` };
  if (error !== undefined) return { ok: false, message: `a mock has either "status" or "error", not both` };
  // A JSON null body is a body; only an absent one means "empty".
  return { ok: true, mock: { kind: "response", status, ...("body" in value ? { json: { value: body } } : {}) } };
}

function isEnvelope(value: unknown): value is { status?: unknown; body?: unknown; error?: unknown } {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  if (!keys.length || !keys.every((k) => ENVELOPE_KEYS.has(k))) return false;
  const { status, error } = value as { status?: unknown; error?: unknown };
  return isHttpStatus(status) || (status === undefined && typeof error === "string");
}

function isHttpStatus(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 100 && value <= 599;
}

export function mockOutcome(mock: MockResponse): CallOutcome {
  if (mock.kind === "error") return { branch: "failure", reason: mock.reason, timeMs: 0, source: "mock" };
  const success = mock.status >= 200 && mock.status <= 299;
  return { branch: success ? "success" : "failure", status: mock.status, ...(mock.json ? { json: mock.json } : {}), timeMs: 0, source: "mock" };
}

/** Answers the steps named in `mocks` from them, and passes every other step to `fallback`. */
export function withMocks(mocks: ReadonlyMap<string, MockResponse>, fallback: CallPerformer): CallPerformer {
  return (step: CallStep, values, signal) => {
    const mock = step.name ? mocks.get(step.name.name) : undefined;
    return mock ? Promise.resolve(mockOutcome(mock)) : fallback(step, values, signal);
  };
}
