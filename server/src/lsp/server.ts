// The language server: the runtime it is given, the documents, settings and
// diagnostics it keeps, and the handlers (feature-handlers.ts,
// test-call-handler.ts), each a few lines over the core's facade.

import { CodeLensRefreshRequest, type Connection, type InitializeResult } from "vscode-languageserver/node";
import { getFlowService, type HttpPort, type Timers } from "../core/index";
import { nodeRuntime } from "../runtime/node-runtime";
import { nodeSampleFiles } from "../runtime/sample-files";
import { TEST_CALL_RESULT_NOTIFICATION, readTestCallResultParams } from "../protocol";
import { clientSupport, serverCapabilities, type ClientSupport } from "./capabilities";
import { DiagnosticsScheduler } from "./diagnostics";
import { registerFeatureHandlers } from "./feature-handlers";
import { FlowDocuments } from "./documents";
import { guard, type Handle } from "./guard";
import { Settings } from "./settings";
import { TestResults } from "./test-results";
import { registerTestCallHandlers } from "./test-call-handler";
import { registerGraphHandler } from "./graph-handler";
import { SampleStore, type SampleFiles } from "./samples";
import { onSamplesChanged, watchSamples } from "./sample-watch";

/**
 * What the server needs of the process, passed in as json-language-features
 * does (`startServer(connection, runtime)`): HTTP for test calls and timers
 * for the diagnostics' debounce and the calls' deadlines.
 */
export interface ServerRuntime {
  http: HttpPort;
  timers: Timers;
  /** the documents' recorded samples (.botflow/samples/); default the Node file system */
  samples?: SampleFiles;
}

export function startServer(connection: Connection, runtime: ServerRuntime = nodeRuntime()): void {
  let support: ClientSupport = clientSupport({}, undefined);
  const onRuleError = (code: string, error: unknown) => connection.console.error(`rule ${code} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  const core = getFlowService({ onRuleError, http: runtime.http, timers: runtime.timers });
  let samples: SampleStore | undefined;
  const documents = new FlowDocuments(onRuleError, undefined, (uri) => ({ samples: samples?.of(uri) }));
  const settings = new Settings(connection, () => support.configuration);
  const diagnostics = new DiagnosticsScheduler(connection, documents, () => settings.current.diagnostics.debounceMs, runtime.timers);
  samples = new SampleStore(runtime.samples ?? nodeSampleFiles, onSamplesChanged({ connection, documents, diagnostics, support: () => support }));
  const results = new TestResults();
  const handle: Handle = (name, fallback, handler) => guard(connection, name, fallback, handler);

  connection.onInitialize((params): InitializeResult => {
    support = clientSupport(params.capabilities, params.clientInfo?.name);
    return { capabilities: serverCapabilities(support), serverInfo: { name: "botflow" } };
  });
  const afterInitialized: (() => void)[] = [];
  connection.onInitialized(() => {
    void settings.refresh();
    for (const then of afterInitialized) then();
  });
  connection.onDidChangeConfiguration((params) => void settings.refresh(params.settings));

  documents.open.onDidOpen((e) => diagnostics.schedule(e.document.uri, true));
  documents.open.onDidChangeContent((e) => diagnostics.schedule(e.document.uri, false));
  documents.open.onDidClose((e) => {
    diagnostics.clear(e.document.uri);
    results.forget(e.document.uri);
  });

  afterInitialized.push(watchSamples({ connection, documents, diagnostics, samples, support: () => support }));
  registerFeatureHandlers({ connection, core, documents, results, samples, handle, support: () => support });

  connection.onNotification(TEST_CALL_RESULT_NOTIFICATION, handle("testCallResult", undefined, (raw: unknown) => {
    const params = readTestCallResultParams(raw);
    if (!params) return connection.console.warn(`${TEST_CALL_RESULT_NOTIFICATION}: ignored malformed parameters`);
    results.setSummary(params.uri, params.step, params.result);
    if (support.codeLensRefresh) void connection.sendRequest(CodeLensRefreshRequest.type);
  }));

  registerTestCallHandlers({ connection, core, documents, results, samples, settings, canRefreshLenses: () => support.codeLensRefresh, handle });
  registerGraphHandler(connection, core, documents, results);

  documents.open.listen(connection);
  connection.listen();
}
