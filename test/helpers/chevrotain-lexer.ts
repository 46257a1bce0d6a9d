// Chevrotain's own Lexer built from the token definitions of tokens.ts, with
// its definition checks on: the oracle the hand-written lexer (lexer.ts) is
// judged against, and the check that those definitions are sound.

import { Lexer, type ILexingResult } from "chevrotain";
import { FlowParser } from "../../server/src/core/syntax/parser";
import { Identifier, LEXER_TOKENS, SKIPPED, wordToken } from "../../server/src/core/syntax/tokens";

let lexer: Lexer | undefined;

/** A Chevrotain Lexer of tokens.ts; it throws on a definition error. */
export function chevrotainFlowLexer(): Lexer {
  if (!lexer) {
    // The parser completes every token type (indices, category maps) as it would in the product,
    // before either lexer makes a token; tokens.ts marks skipped whitespace with its own constant.
    new FlowParser();
    const types = LEXER_TOKENS.map((type) => (type.GROUP === SKIPPED ? { ...type, GROUP: Lexer.SKIPPED } : type));
    lexer = new Lexer(types, { positionTracking: "onlyOffset", ensureOptimizations: false });
  }
  return lexer;
}

/** `text` lexed by Chevrotain, with words retyped as keywords and methods as lexer.ts does. */
export function chevrotainTokenize(text: string): ILexingResult {
  const result = chevrotainFlowLexer().tokenize(text);
  for (const tok of result.tokens) {
    const word = tok.tokenType === Identifier ? wordToken(tok.image) : undefined;
    if (word) {
      tok.tokenType = word;
      tok.tokenTypeIdx = word.tokenTypeIdx!;
    }
  }
  return result;
}
