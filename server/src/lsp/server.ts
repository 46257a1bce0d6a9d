// The language server: capabilities, and one short handler per request that
// takes the cached analysis of the document's current version, asks the core
// feature, and converts the answer. Everything that knows the language lives
// in core/features; everything that knows LSP lives in this folder.

import { CodeActionKind, CodeLensRefreshRequest, LSPErrorCodes, ResponseError, type Connection, type InitializeResult } from "vscode-languageserver/node";
import { quickFixes } from "../core/features/code-actions";
import { testCallLenses } from "../core/features/code-lens";
import { complete } from "../core/features/completion";
import { documentSymbols } from "../core/features/document-symbols";
import { foldingRanges } from "../core/features/folding";
import { formatDocument } from "../core/features/format";
import { hover } from "../core/features/hover";
import { definition, highlights, references } from "../core/features/navigation";
import { prepareRename, rename } from "../core/features/rename";
import { semanticTokens } from "../core/features/semantic-tokens";
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
import { registerGraphHandler } from "./graph-handler";

export function startServer(connection: Connection): void {
  let support: ClientSupport = clientSupport({}, undefined);
  const documents = new FlowDocuments((code, error) => connection.console.error(`rule ${code} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
  const settings = new Settings(connection, () => support.configuration);
  const diagnostics = new DiagnosticsScheduler(connection, documents, () => settings.current.diagnostics.debounceMs);
  const results = new TestResults();
  const handle = <P extends unknown[], R>(name: string, fallback: R, handler: (...args: P) => R) => guard(connection, name, fallback, handler);

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
    const items = complete(doc, toOffset(doc.lines, position), { lastTestResult: results.lookup(textDocument.uri), triggerCharacter: context?.triggerCharacter });
    return items.map((item) => toCompletionItem(doc, item, support));
  }));

  connection.onHover(handle("hover", null, ({ textDocument, position }) => {
    const doc = documents.get(textDocument.uri)?.document;
    const found = doc && hover(doc, toOffset(doc.lines, position), { lastTestResult: results.lookup(textDocument.uri) });
    return doc && found ? toHover(doc, found) : null;
  }));

  connection.onDefinition(handle("definition", null, ({ textDocument, position }) => {
    const doc = documents.get(textDocument.uri)?.document;
    return doc ? definition(doc, toOffset(doc.lines, position)).map((span) => ({ uri: textDocument.uri, range: toRange(doc.lines, span) })) : null;
  }));

  connection.onReferences(handle("references", null, ({ textDocument, position, context }) => {
    const doc = documents.get(textDocument.uri)?.document;
    return doc ? references(doc, toOffset(doc.lines, position), context.includeDeclaration).map((span) => ({ uri: textDocument.uri, range: toRange(doc.lines, span) })) : null;
  }));

  connection.onDocumentHighlight(handle("documentHighlight", null, ({ textDocument, position }) => {
    const doc = documents.get(textDocument.uri)?.document;
    return doc ? highlights(doc, toOffset(doc.lines, position)).map((o) => ({ range: toRange(doc.lines, o.span), kind: o.role === "definition" ? 3 : 2 })) : null;
  }));

  connection.onPrepareRename(handle("prepareRename", null, ({ textDocument, position }) => {
    const doc = documents.get(textDocument.uri)?.document;
    const prepared = doc && prepareRename(doc, toOffset(doc.lines, position));
    if (prepared && "error" in prepared) throw new ResponseError(LSPErrorCodes.RequestFailed, prepared.error);
    return doc && prepared ? { range: toRange(doc.lines, prepared.span), placeholder: prepared.placeholder } : null;
  }));

  connection.onRenameRequest(handle("rename", null, ({ textDocument, position, newName }) => {
    const doc = documents.get(textDocument.uri)?.document;
    const renamed = doc && rename(doc, toOffset(doc.lines, position), newName);
    if (renamed && "error" in renamed) throw new ResponseError(LSPErrorCodes.RequestFailed, renamed.error);
    return doc && renamed ? { changes: { [textDocument.uri]: renamed.edits.map((e) => toTextEdit(doc.lines, e)) } } : null;
  }));

  connection.onDocumentSymbol(handle("documentSymbol", null, ({ textDocument }) => {
    const doc = documents.get(textDocument.uri)?.document;
    if (!doc) return null;
    const symbols = documentSymbols(doc);
    return support.hierarchicalSymbols ? symbols.map((s) => toDocumentSymbol(doc, s)) : toSymbolInformation(doc, textDocument.uri, symbols);
  }));

  connection.onFoldingRanges(handle("foldingRange", null, ({ textDocument }) => {
    const doc = documents.get(textDocument.uri)?.document;
    return doc ? foldingRanges(doc).map(toFoldingRange) : null;
  }));

  connection.onDocumentFormatting(handle("formatting", null, ({ textDocument }) => {
    const doc = documents.get(textDocument.uri)?.document;
    return doc ? formatDocument(doc).map((e) => toTextEdit(doc.lines, e)) : null;
  }));

  connection.languages.semanticTokens.on(handle("semanticTokens", { data: [] }, ({ textDocument }) => {
    const doc = documents.get(textDocument.uri)?.document;
    return doc ? toSemanticTokens(doc, semanticTokens(doc)) : { data: [] };
  }));

  connection.onCodeAction(handle("codeAction", null, ({ textDocument, range, context }) => {
    const analysed = documents.diagnostics(textDocument.uri);
    if (!analysed || (context.only && !context.only.some((k) => CodeActionKind.QuickFix.startsWith(k)))) return null;
    const fixes = quickFixes(analysed.diagnostics, toSpan(analysed.document.lines, range));
    return fixes.map((f) => toCodeAction(analysed.document, textDocument.uri, f, context.diagnostics));
  }));

  connection.onCodeLens(handle("codeLens", null, ({ textDocument }) => {
    const doc = documents.get(textDocument.uri)?.document;
    return doc ? testCallLenses(doc, results.lookup(textDocument.uri)).map((lens) => toCodeLens(doc, textDocument.uri, lens)) : null;
  }));

  connection.onNotification(TEST_CALL_RESULT_NOTIFICATION, handle("testCallResult", undefined, (raw: unknown) => {
    const params = readTestCallResultParams(raw);
    if (!params) return connection.console.warn(`${TEST_CALL_RESULT_NOTIFICATION}: ignored malformed parameters`);
    results.set(params.uri, params.step, params.result);
    if (support.codeLensRefresh) void connection.sendRequest(CodeLensRefreshRequest.type);
  }));

  registerTestCallHandlers({ connection, documents, results, settings, canRefreshLenses: () => support.codeLensRefresh });
  registerGraphHandler(connection, documents, results);

  documents.open.listen(connection);
  connection.listen();
}
