// Tokens for the features that read text the AST does not keep (cursor
// context, formatting): the same lexer as the parser.

import { tokenMatcher, type IToken } from "chevrotain";
import { tokenizeFlow } from "../syntax/lexer";
import * as T from "../syntax/tokens";

export interface Lexed {
  tokens: IToken[];
  comments: IToken[];
}

export function lexFlow(text: string): Lexed {
  const result = tokenizeFlow(text);
  return { tokens: result.tokens, comments: result.groups.comments ?? [] };
}

export function tokenEnd(tok: IToken): number {
  return tok.startOffset + tok.image.length;
}

/** A name or keyword: what a completion replaces while it is being typed. */
export function isWordToken(tok: IToken): boolean {
  return tokenMatcher(tok, T.Name) || tok.tokenType === T.Method;
}

export function hasLineBreak(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
  }
  return false;
}
