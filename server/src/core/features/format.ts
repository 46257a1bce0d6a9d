// Document formatting: one canonical layout — two spaces per block level,
// one space between the words of a statement, at most one blank line in a
// row, comments kept (trailing spaces trimmed; a trailing comment keeps the
// spaces before it, so aligned comments stay aligned), JSON bodies
// re-indented with their text unchanged, one newline at the end.
//
// It never moves a token to another line, so the statement structure stays
// as written. It refuses to run on a file with syntax errors, and checks its
// own output — same tokens, no syntax errors — returning no edit rather than
// one that could damage the file.

import type { IToken } from "chevrotain";
import type { FlowDocument } from "../analysis/document";
import { parse } from "../syntax/parse";
import * as T from "../syntax/tokens";
import type { TextEdit } from "../types";
import { reindentJson } from "./format-json";
import { lexFlow, tokenEnd, type Lexed } from "./lex";

const INDENT = "  ";
/** Response-path punctuation: `order.items[0]` must stay written without spaces. */
const PATH_PUNCTUATION = new Set([T.Dot, T.LBracket, T.RBracket, T.Dollar]);

export function formatDocument(doc: FlowDocument): TextEdit[] {
  if (doc.syntaxDiagnostics.length) return [];
  const formatted = formatText(doc.text);
  if (formatted === undefined || formatted === doc.text) return [];
  return [smallestEdit(doc.text, formatted)];
}

/** The formatted text, or undefined when the text cannot be formatted safely. */
export function formatText(text: string): string | undefined {
  const eol = /\r\n?|\n/.exec(text)?.[0] ?? "\n";
  const lexed = lexFlow(text);
  const items = [...lexed.tokens, ...lexed.comments].sort((a, b) => a.startOffset - b.startOffset);
  let out = "";
  let depth = 0;
  let indent = "";
  let previous: IToken | undefined;
  for (const tok of items) {
    if (!previous) {
      indent = "";
      depth = 0;
    } else {
      const breaks = lineBreaks(text, tokenEnd(previous), tok.startOffset);
      if (breaks > 0) {
        indent = INDENT.repeat(Math.max(0, depth - (tok.tokenType === T.RCurly ? 1 : 0)));
        out += eol.repeat(Math.min(breaks, 2)) + indent;
      } else if (tok.tokenType === T.Comment) {
        // Trailing comments keep their column when the author aligned them with spaces.
        const gap = text.slice(tokenEnd(previous), tok.startOffset);
        out += /^ +$/.test(gap) ? gap : " ";
      } else if (!keepsTouching(previous, tok, tokenEnd(previous) === tok.startOffset)) {
        out += " ";
      }
    }
    out += render(tok, indent, eol);
    if (tok.tokenType === T.LCurly) depth++;
    else if (tok.tokenType === T.RCurly) depth = Math.max(0, depth - 1);
    previous = tok;
  }
  if (out) out += eol;
  return isSafe(lexed, out) ? out : undefined;
}

function render(tok: IToken, indent: string, eol: string): string {
  if (tok.tokenType === T.Comment) return tok.image.trimEnd();
  if (tok.tokenType === T.JsonBody) return reindentJson(tok.image, indent, eol);
  return tok.image;
}

function keepsTouching(previous: IToken, tok: IToken, touching: boolean): boolean {
  if (!touching || previous.tokenType === T.Equals || tok.tokenType === T.Equals) return false;
  return PATH_PUNCTUATION.has(previous.tokenType) || PATH_PUNCTUATION.has(tok.tokenType);
}

function lineBreaks(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c === "\n" || (c === "\r" && text[i + 1] !== "\n")) n++;
  }
  return n;
}

/** Same tokens in the same order (JSON bodies equal but for whitespace), same comments, and it parses cleanly. */
function isSafe(before: Lexed, formatted: string): boolean {
  const after = lexFlow(formatted);
  if (after.tokens.length !== before.tokens.length || after.comments.length !== before.comments.length) return false;
  for (let i = 0; i < before.tokens.length; i++) {
    const a = before.tokens[i];
    const b = after.tokens[i];
    if (a.tokenType !== b.tokenType) return false;
    if (a.image !== b.image && !(a.tokenType === T.JsonBody && jsonWithoutLayout(a.image) === jsonWithoutLayout(b.image))) return false;
  }
  for (let i = 0; i < before.comments.length; i++) if (before.comments[i].image.trimEnd() !== after.comments[i].image) return false;
  return parse(formatted).diagnostics.length === 0;
}

/** JSON with the whitespace outside strings removed. */
function jsonWithoutLayout(json: string): string {
  let out = "";
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json[i];
    if (inString) {
      out += c;
      if (c === "\\") out += json[++i] ?? "";
      else if (c === "\"" || c === "\n") inString = false;
    } else if (c === "\"") {
      inString = true;
      out += c;
    } else if (!/\s/.test(c)) out += c;
  }
  return out;
}

/** One edit covering the changed lines only. */
function smallestEdit(before: string, after: string): TextEdit {
  const a = splitLines(before);
  const b = splitLines(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const start = a.slice(0, head).join("").length;
  const end = before.length - a.slice(a.length - tail).join("").length;
  return { span: { start, end }, newText: b.slice(head, b.length - tail).join("") };
}

/** Lines with their line breaks, so joining gives the text back. */
function splitLines(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}
