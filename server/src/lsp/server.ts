// The language server: capabilities, and one short handler per request that
// takes the cached analysis of the document's current version, asks the core
// feature, and converts the answer. Everything that knows the language lives
// in core/features; everything that knows LSP lives in this folder.

import { CodeActionKind, CodeLensRefreshRequest, LSPErrorCodes, ResponseError, type Connection, type InitializeResult } from "vscode-languageserver/node";
import { getFlowService, type HttpPort, type Timers } from "../core/index";
import { nodeRuntime } from "../runtime/node-runtime";
import { TEST_CALL_RESULT_NOTIFICATION, readTestCallResultParams } from "../protocol";
import { clientSupport, serverCapabilities, type ClientSupport } from "./capabilities";
import { toOffset, toRange, toSpan, toTextEdit } from "./convert";
import {
  toCodeAction, toCodeLens, toCompletionItem, toDocumentSymbol, toFoldingRange, toHover, toSemanticTokens, toSymbolInformation,
} from "./convert-results";
import { DiagnosticsScheduler } from "./diagnostics";
import { FlowDocuments } from "./documents";
import { guard } from "./guard";
import { Settings } from "./settings";
import { TestResults } from "./test-results";
import { registerTestCallHandlers } from "./test-call-handler";

/**
 * What the server needs of the process, passed in as json-language-features
 * does (`startServer(connection, runtime)`): HTTP for test calls and timers
 * for the diagnostics' debounce and the calls' deadlines.
 */
export interface ServerRuntime {
  http: HttpPort;
  timers: Timers;
}

export function startServer(connection: Connection, runtime: ServerRuntime = nodeRuntime()): void {
  let support: ClientSupport = clientSupport({}, undefined);
  const onRuleError = (code: string, error: unknown) => connection.console.error(`rule ${code} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  const core = getFlowService({ onRuleError, http: runtime.http, timers: runtime.timers });
  const documents = new FlowDocuments(onRuleError);
  const settings = new Settings(connection, () => support.configuration);
  const diagnostics = new DiagnosticsScheduler(connection, documents, () => settings.current.diagnostics.debounceMs, runtime.timers);
  const results = new TestResults();
  const handle = <P extends unknown[], R>(name: string, fallback: NoInfer<Awaited<R>>, handler: (...args: P) => R) => guard(connection, name, fallback, handler);

  connection.onInitialize((params): InitializeResult => {
    support = clientSupport(params.capabilities, params.clientInfo?.name);
    return { capabilities: serverCapabilities(support), serverInfo: { name: "botflow" } };
  });
  connection.onInitialized(() => void settings.refresh());
  connection.onDidChangeConfiguration((params) => void settings.refresh(params.settings));

  documents.open.onDidOpen((e) => diagnostics.schedule(e.document.uri, e.document.version, true));
  documents.open.onDidChangeContent((e) => diagnostics.schedule(e.document.uri, e.document.version, false));
  documents.open.onDidClose((e) => {
    diagnostics.clear(e.document.uri);
    results.forget(e.document.uri);
  });

  connection.onCompletion(handle("completion", null, ({ textDocument, position, context }) => {
    const doc = documents.get(textDocument.uri)?.document;
    if (!doc) return null;
    const items = core.complete(doc, toOffset(doc.lines, position), { lastTestResult: results.lookup(textDocument.uri), triggerCharacter: context?.triggerCharacter });
    return items.map((item) => toCompletionItem(doc, item, support));
  }));

  connection.onHover(handle("hover", null, ({ textDocument, position }) => {
    const doc = documents.get(textDocument.uri)?.document;
    const found = doc && core.hover(doc, toOffset(doc.lines, position), { lastTestResult: results.lookup(textDocument.uri) });
    return doc && found ? toHover(doc, found) : null;
  }));

  connection.onDefinition(handle("definition", null, ({ textDocument, position }) => {
    const doc = documents.get(textDocument.uri)?.document;
    return doc ? core.definition(doc, toOffset(doc.lines, position)).map((span) => ({ uri: textDocument.uri, range: toRange(doc.lines, span) })) : null;
  }));

  connection.onReferences(handle("references", null, ({ textDocument, position, context }) => {
    const doc = documents.get(textDocument.uri)?.document;
    return doc ? core.references(doc, toOffset(doc.lines, position), context.includeDeclaration).map((span) => ({ uri: textDocument.uri, range: toRange(doc.lines, span) })) : null;
  }));

  connection.onDocumentHighlight(handle("documentHighlight", null, ({ textDocument, position }) => {
    const doc = documents.get(textDocument.uri)?.document;
    return doc ? core.highlights(doc, toOffset(doc.lines, position)).map((o) => ({ range: toRange(doc.lines, o.span), kind: o.role === "definition" ? 3 : 2 })) : null;
  }));

  connection.onPrepareRename(handle("prepareRename", null, ({ textDocument, position }) => {
    const doc = documents.get(textDocument.uri)?.document;
    const prepared = doc && core.prepareRename(doc, toOffset(doc.lines, position));
    if (prepared && "error" in prepared) throw new ResponseError(LSPErrorCodes.RequestFailed, prepared.error);
    return doc && prepared ? { range: toRange(doc.lines, prepared.span), placeholder: prepared.placeholder } : null;
  }));

  connection.onRenameRequest(handle("rename", null, ({ textDocument, position, newName }) => {
    const doc = documents.get(textDocument.uri)?.document;
    const renamed = doc && core.rename(doc, toOffset(doc.lines, position), newName);
    if (renamed && "error" in renamed) throw new ResponseError(LSPErrorCodes.RequestFailed, renamed.error);
    return doc && renamed ? { changes: { [textDocument.uri]: renamed.edits.map((e) => toTextEdit(doc.lines, e)) } } : null;
  }));

  connection.onDocumentSymbol(handle("documentSymbol", null, ({ textDocument }) => {
    const doc = documents.get(textDocument.uri)?.document;
    if (!doc) return null;
    const symbols = core.documentSymbols(doc);
    return support.hierarchicalSymbols ? symbols.map((s) => toDocumentSymbol(doc, s)) : toSymbolInformation(doc, textDocument.uri, symbols);
  }));

  connection.onFoldingRanges(handle("foldingRange", null, ({ textDocument }) => {
    const doc = documents.get(textDocument.uri)?.document;
    return doc ? core.foldingRanges(doc).map(toFoldingRange) : null;
  }));

  connection.onDocumentFormatting(handle("formatting", null, ({ textDocument }) => {
    const doc = documents.get(textDocument.uri)?.document;
    return doc ? core.format(doc).map((e) => toTextEdit(doc.lines, e)) : null;
  }));

  connection.languages.semanticTokens.on(handle("semanticTokens", { data: [] }, ({ textDocument }) => {
    const doc = documents.get(textDocument.uri)?.document;
    return doc ? toSemanticTokens(doc, core.semanticTokens(doc)) : { data: [] };
  }));

  connection.onCodeAction(handle("codeAction", null, ({ textDocument, range, context }) => {
    const analysed = documents.diagnostics(textDocument.uri);
    if (!analysed || (context.only && !context.only.some((k) => CodeActionKind.QuickFix.startsWith(k)))) return null;
    const fixes = core.quickFixes(analysed.diagnostics, toSpan(analysed.document.lines, range));
    return fixes.map((f) => toCodeAction(analysed.document, textDocument.uri, f, context.diagnostics));
  }));

  connection.onCodeLens(handle("codeLens", null, ({ textDocument }) => {
    const doc = documents.get(textDocument.uri)?.document;
    return doc ? core.codeLenses(doc, results.lookup(textDocument.uri)).map((lens) => toCodeLens(doc, textDocument.uri, lens)) : null;
  }));

  connection.onNotification(TEST_CALL_RESULT_NOTIFICATION, handle("testCallResult", undefined, (raw: unknown) => {
    const params = readTestCallResultParams(raw);
    if (!params) return connection.console.warn(`${TEST_CALL_RESULT_NOTIFICATION}: ignored malformed parameters`);
    results.setSummary(params.uri, params.step, params.result);
    if (support.codeLensRefresh) void connection.sendRequest(CodeLensRefreshRequest.type);
  }));

  registerTestCallHandlers({ connection, core, documents, results, settings, canRefreshLenses: () => support.codeLensRefresh, handle });

  documents.open.listen(connection);
  connection.listen();
}
