// What the server offers, adjusted to what the client says it supports.

import { CodeActionKind, TextDocumentSyncKind, type ClientCapabilities, type ServerCapabilities } from "vscode-languageserver/node";
import { SEMANTIC_TOKEN_MODIFIERS, SEMANTIC_TOKEN_TYPES } from "../core/index";

/** What the handlers need to know about the client. */
export interface ClientSupport {
  snippets: boolean;
  hierarchicalSymbols: boolean;
  prepareRename: boolean;
  codeLensRefresh: boolean;
  configuration: boolean;
  /** VS Code: completion items may re-open the suggest widget (goto → step names) */
  retriggerSuggest: boolean;
  /** the client watches files the server names (sample files) */
  watchedFiles: boolean;
}

export function clientSupport(caps: ClientCapabilities, clientName: string | undefined): ClientSupport {
  return {
    snippets: caps.textDocument?.completion?.completionItem?.snippetSupport === true,
    hierarchicalSymbols: caps.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true,
    prepareRename: caps.textDocument?.rename?.prepareSupport === true,
    codeLensRefresh: caps.workspace?.codeLens?.refreshSupport === true,
    configuration: caps.workspace?.configuration === true,
    watchedFiles: caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    retriggerSuggest: /visual studio code|vscodium|code - oss|code-server/i.test(clientName ?? ""),
  };
}

export function serverCapabilities(support: ClientSupport): ServerCapabilities {
  return {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    completionProvider: { triggerCharacters: ["{", ".", " "] },
    hoverProvider: true,
    definitionProvider: true,
    referencesProvider: true,
    documentHighlightProvider: true,
    renameProvider: support.prepareRename ? { prepareProvider: true } : true,
    documentSymbolProvider: { label: "Bot Flow" },
    foldingRangeProvider: true,
    documentFormattingProvider: true,
    semanticTokensProvider: { legend: { tokenTypes: [...SEMANTIC_TOKEN_TYPES], tokenModifiers: [...SEMANTIC_TOKEN_MODIFIERS] }, full: true },
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
    codeLensProvider: { resolveProvider: false },
  };
}
