// parse(text) → AST + `syntax` diagnostics. Never throws: parser errors, stray
// lines and statements cut short become diagnostics, and the parser reads the
// whole file in one run (see parser.ts), so later text is always read.
// A file with no syntax error is read by strict-parser.ts, which gives up at
// the first mistake; only then is Chevrotain loaded and its parser built and
// run (parse-with-recovery.ts): a correct file never loads Chevrotain.

import { parseStrict } from "./strict-parser";
import type { ParseResult } from "./parse-result";
import { commentSpans } from "./ast-builders";
// In the bundles this import is lazy (build.mjs `lazyRecovery`): the module and Chevrotain under it
// are evaluated on the first file with a syntax error, not at every start (~10 ms).
import { parseWithRecovery } from "./parse-with-recovery";

export type { ParseResult } from "./parse-result";

export function parse(text: string): ParseResult {
  return parseCorrect(text) ?? parseWithRecovery(text);
}

/** A file with no syntax error, read by strict-parser.ts; undefined for any other. */
export function parseCorrect(text: string): ParseResult | undefined {
  const read = parseStrict(text);
  if (!read) return undefined;
  const { titles, connections, steps, comments } = read;
  return { ast: { span: { start: 0, end: text.length }, titles, connections, steps, comments: commentSpans(comments) }, diagnostics: [] };
}
