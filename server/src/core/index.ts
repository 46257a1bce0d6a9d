// The core's one entry point, as getLanguageService() is for
// vscode-json-languageservice: the shells (lsp/, cli/) call the core through
// the FlowService made here and import nothing else of it but types. The
// service holds no state of its own; what it needs of the outside world
// (HTTP, timers) comes in as a FlowRuntime.

import { buildDocument, type FlowDocument } from "./analysis/document";
import { analyze, checkDocument, type Analysis, type RuleErrorListener } from "./analyze";
import { quickFixes, type QuickFix } from "./features/code-actions";
import { testCallLenses, type TestCallLens } from "./features/code-lens";
import { complete, type CompletionItem, type CompletionOptions } from "./features/completion";
import { documentSymbols, type OutlineSymbol } from "./features/document-symbols";
import { foldingRanges, type FoldingRange } from "./features/folding";
import { formatDocument } from "./features/format";
import { hover, type Hover, type HoverOptions } from "./features/hover";
import type { SampleViewOptions } from "./features/sample-view";
import { definition, highlights, references } from "./features/navigation";
import type { Occurrence } from "./features/occurrences";
import { prepareRename, rename, type PrepareRenameResult, type RenameResult } from "./features/rename";
import { semanticTokens, type SemanticToken } from "./features/semantic-tokens";
import type { TestResultLookup } from "./features/test-call-summary";
import { runFlow, type RunFlowOptions, type RunResult } from "./engine/run-flow";
import type { CallPerformer } from "./engine/ports";
import { runnerCallPerformer, type RunnerPerformerOptions } from "./engine/runner-call-performer";
import type { HttpPort, Timers } from "./ports";
import { planTestCall, type ReadyPlan, type TestCallPlan, type TestCallTarget } from "./test-call/plan";
import { planView, type LastTestCall, type TestCallPlanView, type TestCallSent } from "./test-call/report";
import { sendTestCall, type SendInput } from "./test-call/send";
import { chooseAllValues, chooseSaves, composeSaveEdit, saveLinesEdit, saveSuggestions, type SaveEdit, type SaveLinesChoice } from "./test-call/save-edit";
import type { RuleInputs } from "./rules/rule";
import type { Diagnostic, Span, TextEdit } from "./types";
import { buildDiagram, type Diagram } from "./graph/diagram";
import { renderGraph, type GraphFormat, type Rendered } from "./graph/render";
import type { LayoutDot } from "./graph/svg";

export interface FlowRuntime {
  /** for test calls and runs: an undici Dispatcher per call */
  http?: HttpPort;
  /** for call deadlines; default the global timers */
  timers?: Timers;
  /** told when a rule throws (the rule's diagnostics are then missing) */
  onRuleError?: RuleErrorListener;
}

export interface FlowService {
  /** text → document (AST, symbols, flow analysis), without the rules */
  parse(text: string): FlowDocument;
  /** every diagnostic of a document: syntax errors and all rules (`inputs`: what the shell knows besides the text, e.g. recorded samples) */
  check(document: FlowDocument, inputs?: RuleInputs): Diagnostic[];
  /** parse + check */
  analyze(text: string, inputs?: RuleInputs): Analysis;

  // Editor features: offsets in, offsets out.
  complete(document: FlowDocument, offset: number, options?: CompletionOptions): CompletionItem[];
  hover(document: FlowDocument, offset: number, options?: HoverOptions): Hover | undefined;
  definition(document: FlowDocument, offset: number): Span[];
  references(document: FlowDocument, offset: number, includeDeclaration: boolean): Span[];
  highlights(document: FlowDocument, offset: number): Occurrence[];
  prepareRename(document: FlowDocument, offset: number): PrepareRenameResult | undefined;
  rename(document: FlowDocument, offset: number, newName: string): RenameResult;
  documentSymbols(document: FlowDocument): OutlineSymbol[];
  foldingRanges(document: FlowDocument): FoldingRange[];
  format(document: FlowDocument): TextEdit[];
  semanticTokens(document: FlowDocument): SemanticToken[];
  quickFixes(diagnostics: readonly Diagnostic[], range: Span): QuickFix[];
  /** `samples`: the steps' recorded samples, for `Run test call · 200 OK · recorded 2 days ago` */
  codeLenses(document: FlowDocument, lastTestResult?: TestResultLookup, samples?: SampleViewOptions): TestCallLens[];

  /** "Run test call": plan, send, and the save/test lines after it */
  testCall: TestCallService;

  /** the flow as a graph: `botflow graph` and the diagram view */
  graph: GraphService;

  /** plays a conversation (the simulator behind `botflow run`) */
  runFlow(options: RunFlowOptions): Promise<RunResult>;
  /** a run's calls sent for real, through the runtime's HTTP port */
  networkCalls(options: NetworkCallOptions): CallPerformer;
}

export interface NetworkCallOptions extends Omit<RunnerPerformerOptions, "call"> {
  call?: Omit<RunnerPerformerOptions["call"], "http" | "timers">;
}

export interface GraphService {
  /** JSON, DOT, Mermaid or (with a layout) SVG; drawings of more than `maxNodes` steps collapse branches */
  render(document: FlowDocument, format: GraphFormat, maxNodes: number, layout?: LayoutDot): Rendered;
  /** what the editor's diagram shows: the SVG, each node's problems and each call's last test call */
  diagram(document: FlowDocument, diagnostics: readonly Diagnostic[], lastTestResult: TestResultLookup | undefined, layout: LayoutDot, maxNodes: number): Diagram;
  /** Graphviz (WebAssembly, ≈800 KB of JavaScript, its own bundle) loads on the first layout, not at start */
  loadLayout(): Promise<LayoutDot>;
}

export interface TestCallService {
  /** which step, what to ask for, which secrets, what blocks it */
  plan(document: FlowDocument, diagnostics: readonly Diagnostic[], target: TestCallTarget): TestCallPlan;
  /** the plan as a shell without the syntax tree sees it */
  view(plan: TestCallPlan): TestCallPlanView;
  /** builds, sends (through the runtime's HTTP port) and reports; never throws for an HTTP problem */
  send(plan: ReadyPlan, input: SendInput): Promise<TestCallSent>;
  /** the editor's save/test line edit after a run */
  saveLinesEdit: typeof saveLinesEdit;
  /** the CLI's pieces of the same edit */
  saveSuggestions: typeof saveSuggestions;
  chooseSaves: typeof chooseSaves;
  chooseAllValues: typeof chooseAllValues;
  composeSaveEdit(text: string, step: ReadyPlan["step"], chosen: Parameters<typeof composeSaveEdit>[2], tests?: Readonly<Record<string, string>>): SaveEdit;
}

export function getFlowService(runtime: FlowRuntime = {}): FlowService {
  return {
    parse: buildDocument,
    check: (document, inputs) => checkDocument(document, runtime.onRuleError, inputs),
    analyze: (text, inputs) => analyze(text, runtime.onRuleError, inputs),
    complete,
    hover,
    definition,
    references,
    highlights,
    prepareRename,
    rename,
    documentSymbols,
    foldingRanges,
    format: formatDocument,
    semanticTokens,
    quickFixes,
    codeLenses: testCallLenses,
    testCall: {
      plan: (document, diagnostics, target) => planTestCall(document, diagnostics, target),
      view: planView,
      send: (plan, input) => {
        return sendTestCall(plan, input, { http: httpOf(runtime), ...(runtime.timers ? { timers: runtime.timers } : {}) });
      },
      saveLinesEdit,
      saveSuggestions,
      chooseSaves,
      chooseAllValues,
      composeSaveEdit,
    },
    graph: {
      render: renderGraph,
      diagram: buildDiagram,
      loadLayout: () => import("./graph/graphviz").then((m) => m.loadGraphviz()),
    },
    runFlow,
    networkCalls: (options) => runnerCallPerformer({ ...options, call: { ...options.call, http: httpOf(runtime), ...(runtime.timers ? { timers: runtime.timers } : {}) } }),
  };
}

function httpOf(runtime: FlowRuntime): HttpPort {
  if (!runtime.http) throw new Error("this FlowService was made without an HTTP port: pass runtime.http to send requests");
  return runtime.http;
}

// Plain values and helpers the shells use as they are (no behaviour to wire).
export { buildDocument } from "./analysis/document";
export { analyze, checkDocument } from "./analyze";
export { systemVariable } from "./analysis/system-variables";
export { EditThrottle } from "./timing/edit-throttle";
export { ruleDocUrl } from "./features/rule-docs";
export { SEMANTIC_TOKEN_MODIFIERS, SEMANTIC_TOKEN_TYPES } from "./features/semantic-tokens";
export { DEFAULT_MAX_STEPS } from "./engine/run-flow";
export { defaultSystemValues } from "./engine/system-defaults";
export { parseMockResponse, withMocks } from "./engine/mock-response";
export { transcriptTurn } from "./engine/turns";
export { findCallStep } from "./request/prepare-test-request";
export { notSent } from "./test-call/report";
export { savesLeft } from "./response/save-lines";
export { forEachStep } from "./analysis/walk";
export { GRAPH_FORMATS } from "./graph/render";
export { DIAGRAM_NODE_BUDGET } from "./graph/limit-graph";
export { samplesCallPerformer } from "./engine/sample-call-performer";
// Response samples (docs/samples.md): the file contract, a drift run's verdicts, the editor's views of a sample.
export { parseSample, isSuccessStatus } from "./samples/sample";
export { relativeSamplePath, sampleFilePath, sampleFolderPath } from "./samples/sample-file";
export { judgeStep } from "./samples/judge-step";
export { pathInfo, pathOffers, recordedAgo, sampleSummary } from "./samples/sample-describe";
export { NO_SAMPLES } from "./samples/step-sample";

export type { Analysis, RuleErrorListener } from "./analyze";
// Types of the values the service takes and gives, for the shells.
export type { QuickFix } from "./features/code-actions";
export type { TestCallLens } from "./features/code-lens";
export type { CompletionItem, CompletionKind } from "./features/completion";
export type { OutlineKind, OutlineSymbol } from "./features/document-symbols";
export type { FoldingRange } from "./features/folding";
export type { Hover } from "./features/hover";
export type { SemanticToken } from "./features/semantic-tokens";
export type { TestResultLookup } from "./features/test-call-summary";
export { LineIndex } from "./text/line-index";
export type { Position } from "./text/line-index";
export type { SecretResolver } from "./request/credentials";
export type { RequestProblem, RequestView } from "./request/prepared-request";
export type { SaveSuggestion } from "./response/save-lines";
export type { TestCallResult } from "./runner/test-call-result";
export type { MockResponse } from "./engine/mock-response";
export type { AnswerSource, CallPerformer } from "./engine/ports";
export type { RunOutcome } from "./engine/run-flow";
export type { Turn } from "./engine/turns";
export type { FlowDocument } from "./analysis/document";
export type { HttpPort, Timers } from "./ports";
export type { ReadyPlan, TestCallPlan, TestCallTarget } from "./test-call/plan";
export type { LastTestCall, SentReport, TestCallFieldChoice, TestCallPlanView, TestCallReport, TestCallSecretSource, TestCallSent, UnsentReport } from "./test-call/report";
export type { SendInput } from "./test-call/send";
export type { SaveEdit, SaveLinesChoice } from "./test-call/save-edit";
export type { Diagnostic, Severity, Span, TextEdit } from "./types";
export type { TestCallSummary } from "./features/test-call-summary";
export type { CallStep, FlowFile } from "./syntax/ast";
export type { Diagram, DiagramNodeInfo } from "./graph/diagram";
export type { GraphFormat, Rendered } from "./graph/render";
export type { LayoutDot } from "./graph/svg";
export type { RuleInputs } from "./rules/rule";
export type { ResponseSample, SampleLoad, SampleParse } from "./samples/sample";
export type { StepRun, StepVerdict } from "./samples/judge-step";
export type { StepSamples } from "./samples/step-sample";
export type { PathInfo, PathOffer } from "./samples/sample-describe";
export type { SampleViewOptions } from "./features/sample-view";
export type { RecordDecision, Recorder } from "./test-call/record";
