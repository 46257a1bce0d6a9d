// The character skimmer (text/json-skim.ts) against the reader it replaced:
// jsonc-parser's scanner, token by token. On generated text made of the
// pieces that matter (quotes, escapes, comments, brackets, `{{…}}`, line
// breaks of both kinds, statement lines), where a body ends and how its
// variables are masked must be exactly what the scanner-driven versions say.

import assert from "node:assert/strict";
import { createScanner } from "jsonc-parser";
import { jsonValueExtent, restOfLine, startsStatement, type JsonExtent } from "../../../server/src/core/syntax/json-extent";
import { maskVariables } from "../../../server/src/core/analysis/json-body";
import { SyntaxKind } from "../../../server/src/core/text/json-tokens";
import { scanVarRefs, varRefEnd } from "../../../server/src/core/text/var-refs";
import { pick, prng } from "../../helpers/prng";

const PIECES = [
  "{", "}", "[", "]", "\"", "\\", "\\\"", "\\\\", "/", "//", "/*", "*/", "*", "\n", "\r", "\r\n", " ", "\t",
  "{{a}}", "{{ b.c }}", "{{", "}}", "1", "-", ",", ":", "true", "x", "#", "\"k\": ", "\"v\"",
  "\n  save x = y", "\nsay \"hi\"", "\n}", "\n  on success {", "\u2028",
] as const;

function generated(next: () => number, first: string): string {
  let text = first;
  const length = 1 + Math.floor(next() * 30);
  for (let i = 0; i < length; i++) text += pick(next, PIECES);
  return text;
}

/** jsonValueExtent as it was, reading tokens with jsonc-parser's scanner (the bracket values only). */
function scannerExtent(text: string, start: number): JsonExtent {
  const ref = varRefEnd(text, start);
  if (ref >= 0) return { end: restOfLine(text, ref) };
  const scanner = createScanner(text, false);
  scanner.setPosition(start);
  const open: number[] = [];
  const kinds: number[] = [];
  let lastLineEnd = -1;
  for (;;) {
    const token = scanner.scan();
    if (token === SyntaxKind.EOF) break;
    const at = scanner.getTokenOffset();
    if (token === SyntaxKind.LineBreakTrivia) {
      if (startsStatement(text, scanner.getPosition())) {
        lastLineEnd = at;
        break;
      }
    } else if (token === SyntaxKind.OpenBraceToken) {
      const varEnd = varRefEnd(text, at);
      if (varEnd >= 0) {
        scanner.setPosition(varEnd);
      } else {
        open.push(at);
        kinds.push(1);
      }
    } else if (token === SyntaxKind.OpenBracketToken) {
      open.push(at);
      kinds.push(2);
    } else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) {
      const kind = token === SyntaxKind.CloseBraceToken ? 1 : 2;
      if (!kinds.includes(kind)) {
        lastLineEnd = at;
        break;
      }
      while (open.length) {
        open.pop();
        if (kinds.pop() === kind) break;
      }
      if (!open.length) return { end: restOfLine(text, at + 1) };
    }
  }
  const stop = lastLineEnd >= 0 ? lastLineEnd : text.length;
  let end = stop;
  while (end > start && " \t\n\r".includes(text[end - 1])) end--;
  return { end, unclosed: open[open.length - 1] };
}

/** maskVariables as it was, classifying each `{{…}}` by the scanner's token around it. */
function scannerMask(json: string): string {
  const refs = scanVarRefs(json);
  const scanner = createScanner(json, false);
  let out = "";
  let copied = 0;
  let next = 0;
  while (next < refs.length) {
    const token = scanner.scan();
    if (token === SyntaxKind.EOF) break;
    const start = scanner.getTokenOffset();
    const end = scanner.getPosition();
    while (next < refs.length && refs[next].start < start) next++;
    if (next >= refs.length) break;
    const ref = refs[next];
    if (token === SyntaxKind.StringLiteral) {
      while (next < refs.length && refs[next].end <= end) {
        out += json.slice(copied, refs[next].start) + "x".repeat(refs[next].end - refs[next].start);
        copied = refs[next].end;
        next++;
      }
    } else if (token === SyntaxKind.OpenBraceToken && ref.start === start) {
      out += `${json.slice(copied, start)}"${"x".repeat(ref.end - ref.start - 2)}"`;
      copied = ref.end;
      next++;
      scanner.setPosition(ref.end);
    }
  }
  return out + json.slice(copied);
}

describe("json skim agrees with jsonc-parser's scanner", () => {
  it("on where a generated body ends (20,000 texts)", () => {
    const next = prng(1302);
    for (let i = 0; i < 20_000; i++) {
      const text = generated(next, pick(next, ["{", "["]));
      assert.deepEqual(jsonValueExtent(text, 0), scannerExtent(text, 0), `case ${i}: ${JSON.stringify(text)}`);
    }
  });

  it("on how a generated body's variables are masked (20,000 texts)", () => {
    const next = prng(2302);
    for (let i = 0; i < 20_000; i++) {
      const text = generated(next, pick(next, ["{", "[", "\"", "{{a}}", " "]));
      assert.equal(maskVariables(text), scannerMask(text), `case ${i}: ${JSON.stringify(text)}`);
    }
  });
});
