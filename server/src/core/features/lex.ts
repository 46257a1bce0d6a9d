// Tokens for the features that read text the AST does not keep (cursor
// context, formatting): the same token vocabulary as the parser, with its own
// lexer instance so the parser's stays private to syntax/.

import { Lexer, tokenMatcher, type IToken } from "chevrotain";
import * as T from "../syntax/tokens";

export interface Lexed {
  tokens: IToken[];
  comments: IToken[];
}

let lexer: Lexer | undefined;

export function lexFlow(text: string): Lexed {
  lexer ??= new Lexer(T.ALL_TOKENS, { positionTracking: "onlyOffset", ensureOptimizations: false });
  const result = lexer.tokenize(text);
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
