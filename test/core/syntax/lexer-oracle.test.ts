// The hand-written lexer (lexer.ts) against Chevrotain's Lexer built from the
// token definitions of tokens.ts: the same tokens, types, offsets and
// comments on every sample, on hostile edits of them and on text generated
// from the characters that decide a token's kind and end.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ILexingResult } from "chevrotain";
import { tokenizeFlow } from "../../../server/src/core/syntax/lexer";
import { chevrotainFlowLexer, chevrotainTokenize } from "../../helpers/chevrotain-lexer";
import { hostileEdit } from "../../helpers/mutations";
import { pick, prng } from "../../helpers/prng";

const SAMPLES = join(import.meta.dirname, "../../../samples");

/** What the parser and the features read of a lexing result. */
function shape(result: ILexingResult): string[] {
  const tokens = result.tokens.map((t) => `${t.tokenType.name}@${t.startOffset}:${JSON.stringify(t.image)}:${t.tokenTypeIdx}`);
  const comments = (result.groups.comments ?? []).map((t) => `comment@${t.startOffset}:${JSON.stringify(t.image)}`);
  return [...tokens, ...comments, ...result.errors.map((e) => `error@${e.offset}`)];
}

function assertSameTokens(text: string, label: string): void {
  assert.deepEqual(shape(tokenizeFlow(text)), shape(chevrotainTokenize(text)), `${label}: ${JSON.stringify(text.slice(0, 300))}`);
}

/** Pieces whose order decides tokens: words, methods, body/example, quotes, escapes, braces, JSON, comments, odd characters. */
const PIECES = [
  "say", "ask", "call", "GET", "POST", "get", "body", "example", "save", "on", "success", "menu", "option", "x", "order_1", "a-b", "-a", "12",
  " ", "  ", "\t", "\n", "\r\n", "\r", "\f", "\v",
  "\"", "\"hi\"", "\\", "\\\"", "\\n", "\"a\\", "'", "#", "# note", "{", "}", "{{", "}}", "{{x}}", "[", "]", ".", "=", "$", ":", ",", "@", "/", "?", "&",
  "https://api.example.com/v1/{{id}}?q=1#frag", "{ \"a\": 1 }", "[1, 2]", "{\"a\": [", "\"x\": \"y\"", "null", "true",
  "é", "ü", "\u00a0", "\u2028", "\u2029", "\u0000", "\u0007", "\u007f", "\ufffd", "\ud83d\ude00", "\ud800", "字",
];

function generated(next: () => number): string {
  let text = "";
  const count = 1 + Math.floor(next() * 40);
  for (let i = 0; i < count; i++) text += pick(next, PIECES);
  return text;
}

describe("lexer agrees with Chevrotain's Lexer of the token definitions", () => {
  // Builds Chevrotain's lexer (and so completes the token types) before the hand lexer makes a token.
  before(() => chevrotainFlowLexer());
  const samples = readdirSync(SAMPLES).filter((f) => f.endsWith(".flow"));

  it("on every sample flow", () => {
    assert.ok(samples.length >= 3);
    for (const file of samples) assertSameTokens(readFileSync(join(SAMPLES, file), "utf8"), file);
  });

  it("on 2,000 hostile edits of the samples", () => {
    const next = prng(0x1e7e);
    for (let i = 0; i < 2000; i++) {
      const file = samples[i % samples.length];
      const mutant = hostileEdit(readFileSync(join(SAMPLES, file), "utf8"), next);
      assertSameTokens(mutant.text, `${file} ${mutant.kind} #${i}`);
    }
  });

  it("on 20,000 generated texts", () => {
    const next = prng(0x1e7a);
    for (let i = 0; i < 20_000; i++) assertSameTokens(generated(next), `generated #${i}`);
  });
});
