// The one lexer: Chevrotain matches words as identifiers, then keywords and
// methods are retyped from a map (see tokens.ts). Shared by the parser and by
// the features that read tokens, so both see the same token types.

import { Lexer, type ILexingResult } from "chevrotain";
import { Identifier, LEXER_TOKENS, WORD_TOKENS } from "./tokens";

let lexer: Lexer | undefined;

export function tokenizeFlow(text: string): ILexingResult {
  lexer ??= new Lexer(LEXER_TOKENS, { positionTracking: "onlyOffset", ensureOptimizations: false });
  const result = lexer.tokenize(text);
  for (const tok of result.tokens) {
    if (tok.tokenType !== Identifier) continue;
    const word = WORD_TOKENS.get(tok.image);
    if (word) {
      tok.tokenType = word;
      tok.tokenTypeIdx = word.tokenTypeIdx!;
    }
  }
  return result;
}
