// Completion: what may be written at the cursor, by position — statement
// keywords for the block, names after `goto` / `connection` / `as` / `on`,
// variables in scope after `{{`, response fields after `save x =` once a test
// call has run. Works on any text: the context comes from the tokens before
// the cursor, the names from the (recovered) tree.

import type { IToken } from "chevrotain";
import type { FlowDocument } from "../analysis/document";
import { ownVarUses } from "../analysis/walk";
import { ASK_TYPES, HTTP_METHODS, type CallStep } from "../syntax/ast";
import * as T from "../syntax/tokens";
import type { Span } from "../types";
import { HEADER_NAMES, SECRET_SOURCES, keywordsFor, type KeywordEntry } from "./completion-keywords";
import { cursorContext, type CursorContext } from "./cursor-context";
import { variablesInScope, type ScopeVariable } from "./scope";
import { touches } from "./spans";
import type { TestResultLookup } from "./test-call-summary";
import { sampleFieldOffers, type SampleViewOptions } from "./sample-view";

export type CompletionKind = "keyword" | "variable" | "system-variable" | "step" | "connection" | "type" | "value" | "field";

export interface CompletionItem {
  label: string;
  kind: CompletionKind;
  detail?: string;
  /** Markdown */
  documentation?: string;
  insertText: string;
  /** LSP snippet syntax, for clients that support it */
  snippet?: string;
  /** the text the item replaces */
  replace: Span;
  sortText?: string;
  /** ask the editor to complete again once inserted (goto → step names) */
  retrigger?: boolean;
}

export interface CompletionOptions extends SampleViewOptions {
  lastTestResult?: TestResultLookup;
  /** the character whose typing asked for completion, if one did */
  triggerCharacter?: string;
}

export function complete(doc: FlowDocument, offset: number, options: CompletionOptions = {}): CompletionItem[] {
  const ctx = cursorContext(doc.text, offset);
  if (ctx.variable) return variableItems(doc, ctx.offset, ctx.variable.span, ctx.variable.closed);
  // `{` and `.` only ask for variables; a space only for what follows a keyword (not for indentation).
  if (options.triggerCharacter === "{" || options.triggerCharacter === ".") return [];
  if (options.triggerCharacter === " " && !ctx.before.length) return [];
  if (ctx.inside) return ctx.inside.kind === "string" ? stringItems(doc.text, ctx) : [];
  if (!ctx.before.length) return keywordItems(ctx, doc);
  return afterWords(doc, ctx, options);
}

function keywordItems(ctx: CursorContext, doc: FlowDocument): CompletionItem[] {
  let entries = keywordsFor(ctx.block);
  if (ctx.block === "file" && doc.ast.titles.length) entries = entries.filter((e) => e.label !== "flow");
  if (ctx.block === "call") {
    const call = enclosingCall(doc, ctx.offset);
    if (call?.onSuccess) entries = entries.filter((e) => e.label !== "on success");
    if (call?.onFailure) entries = entries.filter((e) => e.label !== "on failure");
    // One request line per call: offer methods only while there is none (or the cursor is on it).
    if (call?.requests.some((r) => !touches(r.span, ctx.offset))) entries = entries.filter((e) => !(HTTP_METHODS as readonly string[]).includes(e.label));
  }
  return entries.map((e, i) => fromKeyword(e, ctx.word.span, i));
}

function fromKeyword(e: KeywordEntry, replace: Span, order: number): CompletionItem {
  return {
    label: e.label, kind: "keyword", detail: e.detail, insertText: e.insertText, replace, sortText: String(order).padStart(3, "0"),
    ...(e.snippet ? { snippet: e.snippet } : {}), ...(e.retrigger ? { retrigger: true } : {}),
  };
}

function afterWords(doc: FlowDocument, ctx: CursorContext, options: CompletionOptions): CompletionItem[] {
  const types = ctx.before.map((t) => t.tokenType);
  const replace = ctx.word.span;
  const first = types[0];
  if (first === T.Goto && types.length === 1) return stepItems(doc, replace);
  if (first === T.Connection && types.length === 1 && ctx.block !== "file" && ctx.block !== "connection") return connectionItems(doc, ctx.offset, replace);
  if (first === T.Ask) {
    if (types.length === 4 && types[3] === T.As) return ASK_TYPES.map((t, i) => ({ label: t, kind: "type" as const, detail: "answer type", insertText: t, replace, sortText: String(i) }));
    if (types.length === 3 && isString(ctx.before[2])) return [{ label: "as", kind: "keyword", detail: "The answer's type: text, email, number, …", insertText: "as ", replace, retrigger: true }];
  }
  if (first === T.On && types.length === 1) {
    return (["success", "failure"] as const).map((o, i) => ({ label: o, kind: "keyword" as const, insertText: `${o} {`, snippet: `${o} {\n\t$0\n}`, replace, sortText: String(i) }));
  }
  if (isSecretSourcePlace(ctx.before)) return SECRET_SOURCES.map((e, i) => fromKeyword(e, replace, i));
  if (first === T.Test && types.length === 1) return testVariableItems(doc, ctx.offset, replace);
  if (first === T.Save && types.length === 3 && types[2] === T.Equals) return fieldItems(doc, ctx.offset, replace, options);
  return [];
}

function isString(tok: IToken | undefined): boolean {
  return tok?.tokenType === T.StringLiteral;
}

function isSecretSourcePlace(before: IToken[]): boolean {
  const types = before.map((t) => t.tokenType);
  if (types.length === 1 && types[0] === T.Bearer) return true;
  return types.length === 2 && (types[0] === T.Basic || types[0] === T.ApiKey) && isString(before[1]);
}

function variableItems(doc: FlowDocument, offset: number, replace: Span, closed: boolean): CompletionItem[] {
  return variablesInScope(doc, offset).map((v) => ({
    label: v.name,
    kind: v.origin.kind === "system" ? "system-variable" : "variable",
    detail: variableDetail(v),
    documentation: variableDocumentation(v, doc.text),
    insertText: closed ? v.name : `${v.name}}}`,
    replace,
    sortText: `${v.origin.kind === "system" ? "1" : "0"}_${v.name}`,
  }));
}

function variableDetail(v: ScopeVariable): string {
  switch (v.origin.kind) {
    case "ask": return `asked · ${v.type}`;
    case "save": return `saved by ${v.origin.definition.step.name?.name ?? "a call"} · ${v.type}`;
    case "system": return `system · ${v.type}`;
  }
}

function variableDocumentation(v: ScopeVariable, text: string): string {
  switch (v.origin.kind) {
    case "ask": return v.origin.definition.step.prompt ? `Answer to "${v.origin.definition.step.prompt.value}"` : "An answer of the customer";
    case "save": {
      const path = v.origin.definition.save.path;
      return `Saved from the response of \`${v.origin.definition.step.name?.name ?? "call"}\`${path ? ` at \`${text.slice(path.span.start, path.span.end)}\`` : ""}; unset when that call fails`;
    }
    case "system": return v.origin.description;
  }
}

function stepItems(doc: FlowDocument, replace: Span): CompletionItem[] {
  const items: CompletionItem[] = [];
  for (const [name, steps] of doc.symbols.steps) {
    const step = steps[0];
    const about = step.kind === "call" ? step.displayName?.value : step.question?.value;
    items.push({ label: name, kind: "step", detail: `${step.kind} step${about ? ` · ${about}` : ""}`, insertText: name, replace });
  }
  return items;
}

function connectionItems(doc: FlowDocument, offset: number, replace: Span): CompletionItem[] {
  const items: CompletionItem[] = [];
  for (const [name, connections] of doc.symbols.connections) {
    const declaredAbove = connections.some((c) => c.span.end <= offset);
    const auth = connections[0].auth[0]?.kind;
    items.push({
      label: name, kind: "connection", insertText: name, replace, sortText: declaredAbove ? `0_${name}` : `1_${name}`,
      detail: `connection${auth ? ` · ${auth}` : ""}${declaredAbove ? "" : " · declared below: move it above"}`,
    });
  }
  return items;
}

/** After `test `: the variables this call's request uses that have no test value yet. */
function testVariableItems(doc: FlowDocument, offset: number, replace: Span): CompletionItem[] {
  const call = enclosingCall(doc, offset);
  if (!call) return [];
  const tested = new Set(call.tests.flatMap((t) => (t.variable && !touches(t.variable.span, offset) ? [t.variable.name] : [])));
  const used = new Set<string>();
  for (const { ref } of ownVarUses(call)) if (ref.name && !ref.name.includes(".") && !tested.has(ref.name)) used.add(ref.name);
  return [...used].map((name) => ({ label: name, kind: "variable" as const, detail: "used by this request", insertText: name, snippet: `${name} = "$1"`, replace }));
}

/** After `save x = `: the fields of the last test call's response, then the paths of the step's recorded sample (or example) it did not show. */
function fieldItems(doc: FlowDocument, offset: number, replace: Span, options: CompletionOptions): CompletionItem[] {
  const call = enclosingCall(doc, offset);
  const name = call?.name?.name;
  const result = name ? options.lastTestResult?.(name) : undefined;
  const items: CompletionItem[] = (result?.fields ?? []).map((f, i) => ({
    label: f.path, kind: "field" as const, detail: `${f.type} · ${f.value.length > 40 ? `${f.value.slice(0, 40)}…` : f.value}`, insertText: f.path, replace, sortText: String(i).padStart(4, "0"),
  }));
  if (!call) return items;
  const shown = new Set(items.map((i) => i.label));
  for (const offer of sampleFieldOffers(call, options)) {
    if (shown.has(offer.path)) continue;
    items.push({ label: offer.path, kind: "field", detail: offer.detail, documentation: offer.documentation, insertText: offer.path, replace, sortText: String(items.length).padStart(4, "0") });
  }
  return items;
}

/** Inside a string: header names after `header "`. */
function stringItems(text: string, ctx: CursorContext): CompletionItem[] {
  const types = ctx.before.map((t) => t.tokenType);
  if (types.length !== 1 || types[0] !== T.Header || !ctx.inside) return [];
  const start = ctx.inside.token.startOffset + 1;
  let end = ctx.offset;
  while (end < text.length && /[A-Za-z0-9_-]/.test(text[end])) end++;
  return HEADER_NAMES.map((h) => ({ label: h, kind: "value" as const, detail: "header name", insertText: h, replace: { start, end } }));
}

/** The call step whose block holds the offset (the innermost, for calls nested in branches). */
function enclosingCall(doc: FlowDocument, offset: number): CallStep | undefined {
  let found: CallStep | undefined;
  for (const step of doc.symbols.allSteps) {
    if (step.kind !== "call" || step.span.start > offset) continue;
    const open = step.blockSpan && step.blockSpan.end === step.blockSpan.start + 1;
    if (touches(step.span, offset) || open) {
      if (!found || step.span.start >= found.span.start) found = step;
    }
  }
  return found;
}
