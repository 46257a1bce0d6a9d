// Small constructors that turn tokens into AST leaves with document spans.
// Kept apart from the grammar so the parser file reads as the grammar.

import type { IToken } from "chevrotain";
import type * as A from "./ast";
import type { Span } from "../types";
import { forEachVarRef } from "../text/var-refs";

// The lexer tracks start offsets only (the fastest mode); a token's end is its start plus its length.
export function tokenEnd(tok: IToken): number {
  return tok.startOffset + tok.image.length;
}

export function spanOf(tok: IToken): Span {
  return { start: tok.startOffset, end: tokenEnd(tok) };
}

/** From the start of `first` to the end of `last` (or of `first` when `last` is missing). */
export function spanBetween(first: IToken, last?: Span | IToken): Span {
  const start = first.startOffset;
  if (!last) return spanOf(first);
  const end = "image" in last ? tokenEnd(last) : last.end;
  return { start, end: Number.isNaN(end) || end < start ? tokenEnd(first) : end };
}

export function identifier(tok: IToken): A.Identifier {
  return identifierOf(tok.image, tok.startOffset);
}

/** The name `name`, written at document offset `start`. */
export function identifierOf(name: string, start: number): A.Identifier {
  return { name, span: { start, end: start + name.length } };
}

// Most strings hold no variable: they share one frozen empty list.
const NO_REFS: A.VarRef[] = Object.freeze([]) as unknown as A.VarRef[];

/** Every `{{name}}` in `raw`, which starts at document offset `base`. */
export function findVarRefs(raw: string, base: number): A.VarRef[] {
  if (!raw.includes("{{")) return NO_REFS;
  const refs: A.VarRef[] = [];
  forEachVarRef(raw, (start, end, nameStart, nameEnd) => refs.push({
    name: raw.slice(nameStart, nameEnd),
    span: { start: base + start, end: base + end },
    nameSpan: { start: base + nameStart, end: base + nameEnd },
  }));
  return refs;
}

export function stringLiteral(tok: IToken): A.StringLiteral {
  const raw = tok.image;
  const terminated = tok.tokenType.name === "StringLiteral";
  return literal(terminated ? raw.slice(1, -1) : raw.slice(1), spanOf(tok), terminated);
}

/** The string literal text[start, end), closed by its quote or not. */
export function stringLiteralAt(text: string, start: number, end: number, terminated: boolean): A.StringLiteral {
  return literal(text.slice(start + 1, terminated ? end - 1 : end), { start, end }, terminated);
}

/** `body`: what is between the quotes of the literal at `span`. */
function literal(body: string, span: Span, terminated: boolean): A.StringLiteral {
  return { value: decodeEscapes(body), span, vars: findVarRefs(body, span.start + 1), terminated };
}

const ESCAPES: Record<string, string> = { "\"": "\"", "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

/** JSON string escapes; an unknown escape is kept as written. */
export function decodeEscapes(body: string): string {
  if (!body.includes("\\")) return body;
  return body.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (whole, e: string) =>
    e.length === 5 ? String.fromCharCode(parseInt(e.slice(1), 16)) : ESCAPES[e] ?? whole);
}

export function urlText(tok: IToken): A.UrlText {
  return urlTextOf(tok.image, tok.startOffset);
}

/** The URL `raw`, written at document offset `start`. */
export function urlTextOf(raw: string, start: number): A.UrlText {
  return { raw, span: { start, end: start + raw.length }, vars: findVarRefs(raw, start) };
}

export function jsonValue(tok: IToken): A.JsonValueText {
  return jsonValueOf(tok.image, tok.startOffset);
}

/** The JSON value `text`, written at document offset `start`. */
export function jsonValueOf(text: string, start: number): A.JsonValueText {
  return { text, span: { start, end: start + text.length }, vars: findVarRefs(text, start) };
}

/** The spans of comment tokens. */
export function commentSpans(comments: IToken[]): Span[] {
  return comments.map((c) => ({ start: c.startOffset, end: c.startOffset + c.image.length }));
}
