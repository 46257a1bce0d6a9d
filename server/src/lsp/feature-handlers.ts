// One short handler per editor feature: take the cached analysis of the
// document's current version, ask the core (through the facade), convert the
// answer. Everything that knows the language lives in the core; everything
// that knows LSP lives in this folder.

import { CodeActionKind, LSPErrorCodes, ResponseError, type Connection } from "vscode-languageserver/node";
import type { FlowService } from "../core/index";
import type { ClientSupport } from "./capabilities";
import { toOffset, toRange, toSpan, toTextEdit } from "./convert";
import { toCodeAction, toCodeLens, toCompletionItem, toDocumentSymbol, toFoldingRange, toHover, toSemanticTokens, toSymbolInformation } from "./convert-results";
import type { FlowDocuments } from "./documents";
import type { Handle } from "./guard";
import type { TestResults } from "./test-results";
import type { SampleStore } from "./samples";

export interface FeatureHandlerDeps {
  connection: Connection;
  core: FlowService;
  documents: FlowDocuments;
  results: TestResults;
  /** the documents' recorded samples */
  samples: SampleStore;
  handle: Handle;
  /** what the client supports, known after initialize */
  support: () => ClientSupport;
}

export function registerFeatureHandlers(deps: FeatureHandlerDeps): void {
  registerCursorFeatures(deps);
  registerDocumentFeatures(deps);
}

/** Features asked at a position: completion, hover, navigation, rename. */
function registerCursorFeatures({ connection, core, documents, results, samples, handle, support }: FeatureHandlerDeps): void {
  connection.onCompletion(
    handle("completion", null, ({ textDocument, position, context }) => {
      const doc = documents.get(textDocument.uri)?.document;
      if (!doc) return null;
      const items = core.complete(doc, toOffset(doc.lines, position), {
        lastTestResult: results.lookup(textDocument.uri),
        samples: samples.of(textDocument.uri),
        triggerCharacter: context?.triggerCharacter,
      });
      return items.map((item) => toCompletionItem(doc, item, support()));
    }),
  );

  connection.onHover(
    handle("hover", null, ({ textDocument, position }) => {
      const doc = documents.get(textDocument.uri)?.document;
      const found = doc && core.hover(doc, toOffset(doc.lines, position), { lastTestResult: results.lookup(textDocument.uri), samples: samples.of(textDocument.uri) });
      return doc && found ? toHover(doc, found) : null;
    }),
  );

  connection.onDefinition(
    handle("definition", null, ({ textDocument, position }) => {
      const doc = documents.get(textDocument.uri)?.document;
      return doc ? core.definition(doc, toOffset(doc.lines, position)).map((span) => ({ uri: textDocument.uri, range: toRange(doc.lines, span) })) : null;
    }),
  );

  connection.onReferences(
    handle("references", null, ({ textDocument, position, context }) => {
      const doc = documents.get(textDocument.uri)?.document;
      return doc ? core.references(doc, toOffset(doc.lines, position), context.includeDeclaration).map((span) => ({ uri: textDocument.uri, range: toRange(doc.lines, span) })) : null;
    }),
  );

  connection.onDocumentHighlight(
    handle("documentHighlight", null, ({ textDocument, position }) => {
      const doc = documents.get(textDocument.uri)?.document;
      return doc ? core.highlights(doc, toOffset(doc.lines, position)).map((o) => ({ range: toRange(doc.lines, o.span), kind: o.role === "definition" ? 3 : 2 })) : null;
    }),
  );

  connection.onPrepareRename(
    handle("prepareRename", null, ({ textDocument, position }) => {
      const doc = documents.get(textDocument.uri)?.document;
      const prepared = doc && core.prepareRename(doc, toOffset(doc.lines, position));
      if (prepared && "error" in prepared) throw new ResponseError(LSPErrorCodes.RequestFailed, prepared.error);
      return doc && prepared ? { range: toRange(doc.lines, prepared.span), placeholder: prepared.placeholder } : null;
    }),
  );

  connection.onRenameRequest(
    handle("rename", null, ({ textDocument, position, newName }) => {
      const doc = documents.get(textDocument.uri)?.document;
      const renamed = doc && core.rename(doc, toOffset(doc.lines, position), newName);
      if (renamed && "error" in renamed) throw new ResponseError(LSPErrorCodes.RequestFailed, renamed.error);
      return doc && renamed ? { changes: { [textDocument.uri]: renamed.edits.map((e) => toTextEdit(doc.lines, e)) } } : null;
    }),
  );
}

/** Features of the whole document: outline, folding, formatting, semantic tokens, quick fixes, code lenses. */
function registerDocumentFeatures({ connection, core, documents, results, samples, handle, support }: FeatureHandlerDeps): void {
  connection.onDocumentSymbol(
    handle("documentSymbol", null, ({ textDocument }) => {
      const doc = documents.get(textDocument.uri)?.document;
      if (!doc) return null;
      const symbols = core.documentSymbols(doc);
      return support().hierarchicalSymbols ? symbols.map((s) => toDocumentSymbol(doc, s)) : toSymbolInformation(doc, textDocument.uri, symbols);
    }),
  );

  connection.onFoldingRanges(
    handle("foldingRange", null, ({ textDocument }) => {
      const doc = documents.get(textDocument.uri)?.document;
      return doc ? core.foldingRanges(doc).map(toFoldingRange) : null;
    }),
  );

  connection.onDocumentFormatting(
    handle("formatting", null, ({ textDocument }) => {
      const doc = documents.get(textDocument.uri)?.document;
      return doc ? core.format(doc).map((e) => toTextEdit(doc.lines, e)) : null;
    }),
  );

  connection.languages.semanticTokens.on(
    handle("semanticTokens", { data: [] }, ({ textDocument }) => {
      const doc = documents.get(textDocument.uri)?.document;
      return doc ? toSemanticTokens(doc, core.semanticTokens(doc)) : { data: [] };
    }),
  );

  connection.onCodeAction(
    handle("codeAction", null, ({ textDocument, range, context }) => {
      const analysed = documents.diagnostics(textDocument.uri);
      if (!analysed || (context.only && !context.only.some((k) => CodeActionKind.QuickFix.startsWith(k)))) return null;
      const fixes = core.quickFixes(analysed.diagnostics, toSpan(analysed.document.lines, range));
      return fixes.map((f) => toCodeAction(analysed.document, textDocument.uri, f, context.diagnostics));
    }),
  );

  connection.onCodeLens(
    handle("codeLens", null, ({ textDocument }) => {
      const doc = documents.get(textDocument.uri)?.document;
      return doc ? core.codeLenses(doc, results.lookup(textDocument.uri), { samples: samples.of(textDocument.uri) }).map((lens) => toCodeLens(doc, textDocument.uri, lens)) : null;
    }),
  );
}
