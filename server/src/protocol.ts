// What the Bot Flow client and server say to each other beyond standard LSP,
// and the shape of the settings: declared once, imported by both sides.
// Type-only imports from the core keep the client bundle free of it.
// Messages are method names with their parameter types rather than jsonrpc
// NotificationType objects: the client and server libraries each bring their
// own copy of vscode-jsonrpc, whose classes do not type-check across copies.

import type { TestCallSummary } from "./core/features/test-call-summary";
import type { TestCallReport, TestCallSecretSource } from "./core/test-call/report";

export type { TestCallField, TestCallSummary } from "./core/features/test-call-summary";
// The test call's plan and report are the core's own shapes (core/test-call/report.ts), sent as they are.
export type {
  TestCallFieldChoice, TestCallPlanView as TestCallPlan, TestCallSecretSource,
} from "./core/test-call/report";

/** What became of the step's sample after a run (botflow.samples.record): the file written (relative to the flow's folder), or why not. */
export type SampleRecording = { recorded: string } | { notRecorded: string };

/** botflow/runTestCall's answer: the core's report, and the sample recording when one was asked for. */
export type RunTestCallResult = TestCallReport & { sample?: SampleRecording };

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
  showDiagram: "botflow.showDiagram",
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

/** The parameters when well-formed (a client may send anything). */
export function readTestCallPlanParams(raw: unknown): TestCallPlanParams | undefined {
  if (!isRecord(raw) || typeof raw.uri !== "string") return undefined;
  const position = isRecord(raw.position) && typeof raw.position.line === "number" && typeof raw.position.character === "number"
    ? { line: raw.position.line, character: raw.position.character }
    : undefined;
  return { uri: raw.uri, ...(typeof raw.step === "string" ? { step: raw.step } : {}), ...(position ? { position } : {}) };
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
  /** keep the response as the step's sample; absent: the botflow.samples.record setting decides */
  record?: boolean;
}

/** The parameters with anything mistyped left out; undefined without uri and step. */
export function readRunTestCallParams(raw: unknown): RunTestCallParams | undefined {
  if (!isRecord(raw) || typeof raw.uri !== "string" || typeof raw.step !== "string") return undefined;
  return {
    uri: raw.uri,
    step: raw.step,
    values: stringRecord(raw.values),
    secrets: stringRecord(raw.secrets),
    ...(positiveNumber(raw.timeoutMs) !== undefined ? { timeoutMs: raw.timeoutMs as number } : {}),
    caCertificates: strings(raw.caCertificates),
    ...(typeof raw.record === "boolean" ? { record: raw.record } : {}),
  };
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

/** The parameters with anything mistyped left out; undefined without uri and step. */
export function readSaveLinesEditParams(raw: unknown): SaveLinesEditParams | undefined {
  if (!isRecord(raw) || typeof raw.uri !== "string" || typeof raw.step !== "string") return undefined;
  return { uri: raw.uri, step: raw.step, paths: strings(raw.paths), tests: stringRecord(raw.tests) };
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
  samples: {
    /** Run test call keeps the response as the step's sample (.botflow/samples/, docs/samples.md); the server writes it */
    record: boolean;
  };
}

export const SETTINGS_SECTION = "botflow";

export const DEFAULT_SETTINGS: BotflowSettings = {
  trace: { server: "off" },
  testCall: { timeoutMs: 10_000, caCertificates: [] },
  diagnostics: { debounceMs: 50 },
  // Off unless the client says: VS Code sends package.json's default (true); an editor that sends no
  // settings gets no files written into its workspace unasked.
  samples: { record: false },
};

/** Settings as sent by a client (any part may be missing or mistyped), completed with the defaults. */
export function readSettings(raw: unknown): BotflowSettings {
  const section = isRecord(raw) ? raw : {};
  const testCall = isRecord(section.testCall) ? section.testCall : {};
  const diagnostics = isRecord(section.diagnostics) ? section.diagnostics : {};
  const trace = isRecord(section.trace) ? section.trace : {};
  const samples = isRecord(section.samples) ? section.samples : {};
  const server = trace.server === "messages" || trace.server === "verbose" ? trace.server : "off";
  return {
    trace: { server },
    testCall: {
      timeoutMs: positiveNumber(testCall.timeoutMs) ?? DEFAULT_SETTINGS.testCall.timeoutMs,
      caCertificates: strings(testCall.caCertificates),
    },
    diagnostics: { debounceMs: nonNegativeNumber(diagnostics.debounceMs) ?? DEFAULT_SETTINGS.diagnostics.debounceMs },
    samples: { record: typeof samples.record === "boolean" ? samples.record : DEFAULT_SETTINGS.samples.record },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function stringRecord(value: unknown): Record<string, string> {
  return isRecord(value) && Object.values(value).every((v) => typeof v === "string") ? (value as Record<string, string>) : {};
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

function positiveNumber(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? value : undefined;
}

function nonNegativeNumber(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : undefined;
}

// ---------- requests: the diagram ----------
// The language server lays the flow out (Graphviz in WebAssembly) and sends
// the SVG; the diagram webview only shows it, so it runs no WebAssembly.

export interface GraphParams {
  uri: string;
}

/** A drawn node of the diagram: a step, or a box standing for collapsed steps. */
export interface DiagramNode {
  /** the SVG `<g id>` of the node */
  id: string;
  kind: string;
  label: string;
  name?: string;
  /** the step's text (a collapsed box: all of its steps) */
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  problems?: { errors: number; warnings: number; first: string };
  /** a call's last test call (`200 OK · 143 ms`); ok for a 2xx */
  testCall?: { ok: boolean; title: string };
}

export interface GraphResult {
  /** the document version the diagram is of */
  version: number;
  svg: string;
  nodes: DiagramNode[];
  /** steps in the flow, and how many are inside collapsed boxes (a flow too large to lay out quickly) */
  steps: number;
  hidden: number;
}

/** Client → server: the diagram of the document's current version; a ResponseError when it is not open. */
export const GRAPH_REQUEST = "botflow/graph";

/** Server → client `{ uri }`: something the diagram shows besides the text changed (a test call's result). */
export const GRAPH_CHANGED_NOTIFICATION = "botflow/graphChanged";
