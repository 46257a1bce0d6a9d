// What the Bot Flow client and server say to each other beyond standard LSP,
// and the shape of the settings: declared once, imported by both sides.
// Type-only imports from the core keep the client bundle free of it.
// Messages are method names with their parameter types rather than jsonrpc
// NotificationType objects: the client and server libraries each bring their
// own copy of vscode-jsonrpc, whose classes do not type-check across copies.

import type { TestCallSummary } from "./core/features/test-call-summary";

export type { TestCallField, TestCallSummary } from "./core/features/test-call-summary";

export const LANGUAGE_ID = "botflow";

/**
 * Node flags the extension starts the language server with: none. The server
 * keeps itself lean however it is started (lsp/main.ts runs it in a worker
 * thread with a small young generation; lsp/heap.ts collects dropped trees),
 * so VS Code's launch is the same `node dist/server.js --stdio` any other
 * editor's `botflow lsp --stdio` amounts to. Kept as the one place the
 * client and the benches take the launch from.
 */
export const SERVER_EXEC_ARGV: readonly string[] = [];

// ---------- commands ----------

export const COMMANDS = {
  runTestCall: "botflow.runTestCall",
  setConnectionSecret: "botflow.setConnectionSecret",
  runFlow: "botflow.runFlow",
} as const;

/**
 * What the "Run test call" code lens passes to `botflow.runTestCall` as its
 * single argument. From the command palette the command gets no argument and
 * should use the active editor and the call step around the cursor.
 */
export interface RunTestCallArguments {
  /** the document's URI, as the server knows it */
  uri: string;
  /** the call step's name */
  step: string;
}

/** Reads the command's arguments: `{uri, step}` (the code lens) or `uri, step` (other callers); undefined from the palette. */
export function readRunTestCallArguments(args: readonly unknown[]): RunTestCallArguments | undefined {
  const [first, second] = args;
  if (typeof first === "string" && typeof second === "string") return { uri: first, step: second };
  if (first && typeof first === "object") {
    const { uri, step } = first as Partial<Record<keyof RunTestCallArguments, unknown>>;
    if (typeof uri === "string" && typeof step === "string") return { uri, step };
  }
  return undefined;
}

// ---------- notifications ----------

export interface TestCallResultParams {
  uri: string;
  step: string;
  /** redacted: no secret may be in it */
  result: TestCallSummary;
}

/**
 * Client → server after a test call ran: the server keeps the last result per
 * document and step, shows it in the step's code lens and hovers, offers its
 * fields after `save x =`, and asks the client to refresh code lenses.
 */
export const TEST_CALL_RESULT_NOTIFICATION = "botflow/testCallResult";

/** The notification's parameters when well-formed (a client may send anything). */
export function readTestCallResultParams(raw: unknown): TestCallResultParams | undefined {
  if (!isRecord(raw) || typeof raw.uri !== "string" || typeof raw.step !== "string" || !isRecord(raw.result)) return undefined;
  const r = raw.result;
  if (typeof r.durationMs !== "number" || (r.status !== undefined && typeof r.status !== "number")) return undefined;
  return raw as unknown as TestCallResultParams;
}

// ---------- requests: Run test call ----------
// The call runs in the server, through the core; the client only asks for
// values (prompts, secret storage, setting files) and shows the answer.

/** Where a connection's secret comes from: `env NAME` or `secret "key"`. */
export type TestCallSecretSource = { kind: "env"; name: string } | { kind: "secret"; key: string };

/** The key of a secret source in RunTestCallParams.secrets: `env:NAME` or `secret:key`. */
export function secretSourceKey(source: TestCallSecretSource): string {
  return source.kind === "env" ? `env:${source.name}` : `secret:${source.key}`;
}

export interface TestCallPlanParams {
  uri: string;
  /** the call step's name; without it, the call step around `position` */
  step?: string;
  position?: { line: number; character: number };
}

/** What the client must gather before botflow/runTestCall. */
export interface TestCallPlan {
  /** the call step (undefined when none was found: `error` says why) */
  step?: string;
  error?: string;
  /** every variable the request uses, in order, with its `test` value when the step has one */
  variables: { name: string; testValue?: string }[];
  /** the secrets the step's connection reads */
  secrets: TestCallSecretSource[];
  /** every `secret "key"` source in the file (for Set connection secret) */
  fileSecrets: string[];
  /** errors that stop the step from being sent, one line each */
  blocking: string[];
}

/** Client → server: what `Run test call` needs for a step. */
export const TEST_CALL_PLAN_REQUEST = "botflow/testCallPlan";

export interface RunTestCallParams {
  uri: string;
  step: string;
  /** test values typed by the person; they win over the step's `test` lines */
  values: Record<string, string>;
  /** resolved secret values by secretSourceKey(); never logged, never sent back */
  secrets: Record<string, string>;
  timeoutMs?: number;
  /** extra CA certificates (PEM text) */
  caCertificates?: string[];
}

export interface TestCallFieldChoice {
  path: string;
  value: string;
  type: string;
  /** the variable name a `save` line would use */
  name: string;
  /** set when the step already saves this path */
  alreadySavedAs?: string;
}

export interface RunTestCallResult {
  /** false when the request could not be built: nothing was sent, `error` says why */
  sent: boolean;
  /** redacted */
  request: { method: string; url: string; headers: [string, string][]; body?: string } | null;
  redirects: { status: number; from: string; to: string; credentialsDropped: boolean }[];
  /** redacted; null when no response came */
  response: { status: number; statusText: string; headers: [string, string][]; body: string; bodyBytes: number; truncated: boolean } | null;
  branch: "success" | "failure" | null;
  /** the runner's outcome kind (ok, empty-body, status, timeout, tls, …) */
  kind?: string;
  /** one line saying what went wrong (failure branch, or not sent) */
  error: string | null;
  durationMs: number;
  fields: TestCallFieldChoice[];
  /** why the field list is empty or cut */
  note?: string;
  /** set for a 2xx with an empty body: saved variables would be skipped */
  emptyBodyNote?: string;
}

/** Client → server: runs the step's request for real; the request's cancellation aborts it. */
export const RUN_TEST_CALL_REQUEST = "botflow/runTestCall";

export interface SaveLinesEditParams {
  uri: string;
  step: string;
  /** response paths from the last run's fields */
  paths: string[];
  /** values to write as `test NAME = "value"` lines too */
  tests?: Record<string, string>;
}

export interface SaveLinesEditResult {
  /** the document version the edits apply to */
  version: number;
  edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[];
  /** the lines inserted */
  lines: string[];
}

/** Client → server: the one edit that inserts `save` (and `test`) lines chosen after a run; a ResponseError says why not. */
export const SAVE_LINES_EDIT_REQUEST = "botflow/saveLinesEdit";

// ---------- settings ----------

export interface BotflowSettings {
  trace: { server: "off" | "messages" | "verbose" };
  testCall: {
    /** a test call's time limit */
    timeoutMs: number;
    /** extra CA certificate files (PEM) trusted for test calls */
    caCertificates: string[];
  };
  diagnostics: {
    /** wait this long after the last keystroke before checking the file */
    debounceMs: number;
  };
}

export const SETTINGS_SECTION = "botflow";

export const DEFAULT_SETTINGS: BotflowSettings = {
  trace: { server: "off" },
  testCall: { timeoutMs: 10_000, caCertificates: [] },
  diagnostics: { debounceMs: 50 },
};

/** Settings as sent by a client (any part may be missing or mistyped), completed with the defaults. */
export function readSettings(raw: unknown): BotflowSettings {
  const section = isRecord(raw) ? raw : {};
  const testCall = isRecord(section.testCall) ? section.testCall : {};
  const diagnostics = isRecord(section.diagnostics) ? section.diagnostics : {};
  const trace = isRecord(section.trace) ? section.trace : {};
  const server = trace.server === "messages" || trace.server === "verbose" ? trace.server : "off";
  return {
    trace: { server },
    testCall: {
      timeoutMs: positiveNumber(testCall.timeoutMs) ?? DEFAULT_SETTINGS.testCall.timeoutMs,
      caCertificates: Array.isArray(testCall.caCertificates) ? testCall.caCertificates.filter((p): p is string => typeof p === "string") : [],
    },
    diagnostics: { debounceMs: nonNegativeNumber(diagnostics.debounceMs) ?? DEFAULT_SETTINGS.diagnostics.debounceMs },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function positiveNumber(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? value : undefined;
}

function nonNegativeNumber(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : undefined;
}
