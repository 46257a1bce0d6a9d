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
  return { name: tok.image, span: spanOf(tok) };
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
  const body = terminated ? raw.slice(1, -1) : raw.slice(1);
  return { value: decodeEscapes(body), span: spanOf(tok), vars: findVarRefs(body, tok.startOffset + 1), terminated };
}

const ESCAPES: Record<string, string> = { "\"": "\"", "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

/** JSON string escapes; an unknown escape is kept as written. */
export function decodeEscapes(body: string): string {
  if (!body.includes("\\")) return body;
  return body.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (whole, e: string) =>
    e.length === 5 ? String.fromCharCode(parseInt(e.slice(1), 16)) : ESCAPES[e] ?? whole);
}

export function urlText(tok: IToken): A.UrlText {
  return { raw: tok.image, span: spanOf(tok), vars: findVarRefs(tok.image, tok.startOffset) };
}

export function jsonValue(tok: IToken): A.JsonValueText {
  return { text: tok.image, span: spanOf(tok), vars: findVarRefs(tok.image, tok.startOffset) };
}
