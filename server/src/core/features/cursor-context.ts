// Where the cursor is, read from the text before it: which block it is in
// (by the keyword that opened the block), which statement words precede it on
// its line, the word being typed, and whether it sits in free text (a string,
// URL, JSON body or comment) or right after an unclosed `{{`.
//
// It lexes only the text before the cursor rather than reading the AST: while
// someone types, the tree around the cursor is the least trustworthy part,
// but the tokens before it are exactly what the author wrote.

import type { IToken } from "chevrotain";
import * as T from "../syntax/tokens";
import { jsonValueExtent } from "../syntax/json-extent";
import type { Span } from "../types";
import { hasLineBreak, isWordToken, lexFlow, tokenEnd } from "./lex";

export type BlockKind = "file" | "call" | "branch" | "menu" | "option" | "connection" | "unknown";

export interface OpenVariable {
  /** what is typed after `{{` */
  partial: string;
  /** the name to replace: from after `{{` to the end of the name under the cursor */
  span: Span;
  /** `}}` already follows the name */
  closed: boolean;
}

export interface CursorContext {
  offset: number;
  /** the innermost block around the cursor */
  block: BlockKind;
  /** the statement's tokens on this line before the word being typed */
  before: IToken[];
  /** the word being typed (maybe empty) and the span a completion replaces */
  word: { text: string; span: Span };
  /** free text the cursor is inside */
  inside?: { kind: "string" | "url" | "body" | "comment"; token: IToken };
  /** set when the cursor follows an unclosed `{{` in free text */
  variable?: OpenVariable;
}

const WORD_CHAR = /[A-Za-z0-9_-]/;
const VAR_CHAR = /[A-Za-z0-9_.-]/;

export function cursorContext(text: string, offset: number): CursorContext {
  const at = Math.max(0, Math.min(offset, text.length));
  const prefix = text.slice(0, at);
  const { tokens, comments } = lexFlow(prefix);
  const lineStart = Math.max(prefix.lastIndexOf("\n"), prefix.lastIndexOf("\r")) + 1;

  const lastToken = tokens[tokens.length - 1];
  const lastComment = comments[comments.length - 1];
  if (lastComment && tokenEnd(lastComment) === at && lastComment.startOffset >= lineStart && (!lastToken || lastToken.startOffset < lastComment.startOffset)) {
    return { offset: at, block: blockAt(prefix, tokens), before: [], word: emptyWord(at), inside: { kind: "comment", token: lastComment } };
  }

  const inside = lastToken ? freeTextAt(prefix, lastToken, at) : undefined;
  const block = blockAt(prefix, inside ? tokens.slice(0, -1) : tokens);
  if (inside) {
    const typed = prefix.slice(inside.token.startOffset, at);
    return { offset: at, block, before: lineTokens(tokens.slice(0, -1), lineStart), word: emptyWord(at), inside, variable: openVariable(text, typed, at) };
  }

  let wordToken: IToken | undefined;
  if (lastToken && tokenEnd(lastToken) === at && isWordToken(lastToken)) wordToken = lastToken;
  const wordStart = wordToken ? wordToken.startOffset : at;
  let wordEnd = at;
  while (wordEnd < text.length && WORD_CHAR.test(text[wordEnd])) wordEnd++;
  const before = lineTokens(wordToken ? tokens.slice(0, -1) : tokens, lineStart);
  return { offset: at, block, before, word: { text: text.slice(wordStart, at), span: { start: wordStart, end: wordEnd } } };
}

function emptyWord(at: number): CursorContext["word"] {
  return { text: "", span: { start: at, end: at } };
}

/** The cursor is inside `tok` when it is free text still open at the cursor. */
function freeTextAt(prefix: string, tok: IToken, at: number): CursorContext["inside"] {
  const end = tokenEnd(tok);
  const sameLine = !hasLineBreak(prefix, end, at);
  switch (tok.tokenType) {
    case T.UnterminatedString:
      return sameLine ? { kind: "string", token: tok } : undefined;
    case T.Url:
      return sameLine ? { kind: "url", token: tok } : undefined;
    case T.JsonBody:
      return (end === at || unclosedJson(tok.image)) ? { kind: "body", token: tok } : undefined;
    default:
      return undefined;
  }
}

/** An object or array body whose brackets are not yet balanced (the lexer's own reading of where a value ends). */
function unclosedJson(json: string): boolean {
  if (!/^[{[]/.test(json) || json.startsWith("{{")) return false;
  return jsonValueExtent(json, 0).unclosed !== undefined;
}

function openVariable(text: string, typed: string, at: number): OpenVariable | undefined {
  const open = typed.lastIndexOf("{{");
  if (open < 0 || typed.indexOf("}}", open) >= 0 || hasLineBreak(typed, open, typed.length)) return undefined;
  const inner = typed.slice(open + 2);
  const partial = inner.trimStart();
  if (![...partial].every((c) => VAR_CHAR.test(c))) return undefined;
  let end = at;
  while (end < text.length && VAR_CHAR.test(text[end])) end++;
  return { partial, span: { start: at - partial.length, end }, closed: /^\s*\}\}/.test(text.slice(end, end + 40)) };
}

/** Tokens of the current statement: on the cursor's line, after any brace on it. */
function lineTokens(tokens: IToken[], lineStart: number): IToken[] {
  const out: IToken[] = [];
  for (let i = tokens.length - 1; i >= 0 && tokens[i].startOffset >= lineStart; i--) {
    const tok = tokens[i];
    if (tok.tokenType === T.LCurly || tok.tokenType === T.RCurly) break;
    out.push(tok);
  }
  return out.reverse();
}

/** Replays the braces before the cursor; each `{` is named by the first word of its statement. */
function blockAt(prefix: string, tokens: IToken[]): BlockKind {
  const stack: BlockKind[] = ["file"];
  let head: IToken | undefined;
  let lastHead: IToken | undefined;
  let previousEnd = 0;
  for (const tok of tokens) {
    if (hasLineBreak(prefix, previousEnd, tok.startOffset)) head = undefined;
    previousEnd = tokenEnd(tok);
    if (tok.tokenType === T.LCurly) {
      stack.push(blockOf(head ?? lastHead, stack[stack.length - 1]));
      head = undefined;
    } else if (tok.tokenType === T.RCurly) {
      if (stack.length > 1) stack.pop();
      head = undefined;
    } else if (!head) {
      head = tok;
      lastHead = tok;
    }
  }
  return stack[stack.length - 1];
}

function blockOf(head: IToken | undefined, parent: BlockKind): BlockKind {
  switch (head?.tokenType) {
    case T.Call: return "call";
    case T.On: return "branch";
    case T.Menu: return "menu";
    case T.Option: return "option";
    case T.Connection: return parent === "file" ? "connection" : "unknown";
    default: return "unknown";
  }
}
