// Tokens for the features that read text the AST does not keep (cursor
// context, formatting): the same lexer as the parser.

import type { IToken } from "chevrotain";
import { tokenizeFlow } from "../syntax/lexer";
import * as T from "../syntax/tokens";

export { hasLineBreak } from "../text/line-breaks";

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
  return T.NAME_TYPES.has(tok.tokenType);
}
