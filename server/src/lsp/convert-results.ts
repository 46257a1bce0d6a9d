// The core features' editor-neutral results as LSP values.

import {
  CodeActionKind, CompletionItemKind, InsertTextFormat, MarkupKind, SemanticTokensBuilder, SymbolKind,
  type CodeAction, type CodeLens, type CompletionItem, type Diagnostic as LspDiagnostic, type DocumentSymbol,
  type FoldingRange, type Hover, type SemanticTokens, type SymbolInformation,
} from "vscode-languageserver/node";
import type { FlowDocument } from "../core/index";
import type { QuickFix } from "../core/index";
import type { TestCallLens } from "../core/index";
import type { CompletionItem as CoreCompletionItem, CompletionKind } from "../core/index";
import type { OutlineKind, OutlineSymbol } from "../core/index";
import type { FoldingRange as CoreFoldingRange } from "../core/index";
import type { Hover as CoreHover } from "../core/index";
import type { SemanticToken } from "../core/index";
import { SEMANTIC_TOKEN_MODIFIERS, SEMANTIC_TOKEN_TYPES } from "../core/index";
import { COMMANDS, type RunTestCallArguments } from "../protocol";
import type { ClientSupport } from "./capabilities";
import { sameDiagnostic, toLspDiagnostic, toRange, toTextEdit } from "./convert";

const COMPLETION_KINDS: Record<CompletionKind, CompletionItemKind> = {
  keyword: CompletionItemKind.Keyword,
  variable: CompletionItemKind.Variable,
  "system-variable": CompletionItemKind.Constant,
  step: CompletionItemKind.Function,
  connection: CompletionItemKind.Module,
  type: CompletionItemKind.TypeParameter,
  value: CompletionItemKind.Value,
  field: CompletionItemKind.Field,
};

export function toCompletionItem(doc: FlowDocument, item: CoreCompletionItem, support: ClientSupport): CompletionItem {
  const snippet = support.snippets && item.snippet !== undefined;
  const out: CompletionItem = {
    label: item.label,
    kind: COMPLETION_KINDS[item.kind],
    textEdit: { range: toRange(doc.lines, item.replace), newText: snippet ? item.snippet! : item.insertText },
  };
  if (snippet) out.insertTextFormat = InsertTextFormat.Snippet;
  if (item.detail) out.detail = item.detail;
  if (item.documentation) out.documentation = { kind: MarkupKind.Markdown, value: item.documentation };
  if (item.sortText) out.sortText = item.sortText;
  if (item.retrigger && support.retriggerSuggest) out.command = { title: "Suggest", command: "editor.action.triggerSuggest" };
  return out;
}

export function toHover(doc: FlowDocument, hover: CoreHover): Hover {
  return { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: toRange(doc.lines, hover.span) };
}

const SYMBOL_KINDS: Record<OutlineKind, SymbolKind> = {
  flow: SymbolKind.Module,
  connection: SymbolKind.Interface,
  call: SymbolKind.Function,
  menu: SymbolKind.Enum,
  option: SymbolKind.EnumMember,
  branch: SymbolKind.Event,
  ask: SymbolKind.Variable,
  say: SymbolKind.String,
  goto: SymbolKind.Operator,
  handoff: SymbolKind.Event,
  end: SymbolKind.Event,
};

export function toDocumentSymbol(doc: FlowDocument, s: OutlineSymbol): DocumentSymbol {
  const out: DocumentSymbol = {
    name: s.name,
    kind: SYMBOL_KINDS[s.kind],
    range: toRange(doc.lines, s.span),
    selectionRange: toRange(doc.lines, s.selectionSpan),
    children: s.children.map((c) => toDocumentSymbol(doc, c)),
  };
  if (s.detail) out.detail = s.detail;
  return out;
}

/** For clients without hierarchical outlines: the same symbols, flattened. */
export function toSymbolInformation(doc: FlowDocument, uri: string, symbols: OutlineSymbol[], container?: string): SymbolInformation[] {
  return symbols.flatMap((s) => [
    { name: s.name, kind: SYMBOL_KINDS[s.kind], location: { uri, range: toRange(doc.lines, s.span) }, ...(container ? { containerName: container } : {}) },
    ...toSymbolInformation(doc, uri, s.children, s.name),
  ]);
}

export function toFoldingRange(r: CoreFoldingRange): FoldingRange {
  return { startLine: r.startLine, endLine: r.endLine, ...(r.kind ? { kind: r.kind } : {}) };
}

export function toSemanticTokens(doc: FlowDocument, tokens: SemanticToken[]): SemanticTokens {
  const builder = new SemanticTokensBuilder();
  for (const t of tokens) {
    const start = doc.lines.positionAt(t.span.start);
    const modifiers = t.modifiers.reduce((bits, m) => bits | (1 << SEMANTIC_TOKEN_MODIFIERS.indexOf(m)), 0);
    builder.push(start.line, start.character, t.span.end - t.span.start, SEMANTIC_TOKEN_TYPES.indexOf(t.type), modifiers);
  }
  return builder.build();
}

export function toCodeLens(doc: FlowDocument, uri: string, lens: TestCallLens): CodeLens {
  const args: RunTestCallArguments = { uri, step: lens.step };
  return { range: toRange(doc.lines, lens.span), command: { title: lens.title, command: COMMANDS.runTestCall, arguments: [args] } };
}

/** A quick fix, tied to the client's copy of its diagnostic when the client sent one. */
export function toCodeAction(doc: FlowDocument, uri: string, quickFix: QuickFix, fromClient: LspDiagnostic[]): CodeAction {
  const ours = toLspDiagnostic(doc.lines, quickFix.diagnostic);
  const diagnostic = fromClient.find((d) => sameDiagnostic(d, ours)) ?? ours;
  const action: CodeAction = {
    title: quickFix.fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [uri]: quickFix.fix.edits.map((e) => toTextEdit(doc.lines, e)) } },
  };
  if (quickFix.fix.preferred) action.isPreferred = true;
  return action;
}
