// Every feature on text as it looks while someone types (prefixes of the
// samples) and on garbage: none may throw, and their results must be usable
// (spans inside the text, sorted semantic tokens).

import assert from "node:assert/strict";
import { buildDocument, type FlowDocument } from "../../../server/src/core/analysis/document";
import { testCallLenses } from "../../../server/src/core/features/code-lens";
import { complete } from "../../../server/src/core/features/completion";
import { documentSymbols } from "../../../server/src/core/features/document-symbols";
import { foldingRanges } from "../../../server/src/core/features/folding";
import { formatDocument } from "../../../server/src/core/features/format";
import { hover } from "../../../server/src/core/features/hover";
import { definition, highlights, references } from "../../../server/src/core/features/navigation";
import { prepareRename, rename } from "../../../server/src/core/features/rename";
import { semanticTokens } from "../../../server/src/core/features/semantic-tokens";
import { flowFiles } from "./flow-files";

function everyFeature(doc: FlowDocument, offsets: number[]): void {
  const n = doc.text.length;
  const inside = (s: { start: number; end: number }) => assert.ok(s.start >= 0 && s.start <= s.end && s.end <= n, `span ${s.start}-${s.end} outside 0-${n}`);
  for (const offset of offsets) {
    for (const item of complete(doc, offset)) inside(item.replace);
    const h = hover(doc, offset);
    if (h) inside(h.span);
    definition(doc, offset).forEach(inside);
    references(doc, offset, true).forEach(inside);
    highlights(doc, offset).forEach((o) => inside(o.span));
    prepareRename(doc, offset);
    const renamed = rename(doc, offset, "renamed_x");
    if ("edits" in renamed) renamed.edits.forEach((e) => inside(e.span));
  }
  documentSymbols(doc);
  foldingRanges(doc);
  formatDocument(doc).forEach((e) => inside(e.span));
  testCallLenses(doc).forEach((l) => inside(l.span));
  const tokens = semanticTokens(doc);
  for (let i = 1; i < tokens.length; i++) assert.ok(tokens[i].span.start >= tokens[i - 1].span.end);
}

/** Deterministic pseudo-random bytes, as a string the editor could hold. */
function garbage(seed: number, length: number): string {
  let x = seed;
  let out = "";
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out += String.fromCharCode(x % 7 === 0 ? 10 : x % 11 === 0 ? [123, 125, 34, 35][x % 4] : x % 256);
  }
  return out;
}

describe("features: robustness", function () {
  this.timeout(60_000);

  for (const { name, text } of flowFiles()) {
    it(`${name}: every feature on prefixes`, () => {
      const step = Math.max(1, Math.floor(text.length / 400));
      for (let end = 0; end <= text.length; end += step) {
        const prefix = text.slice(0, end);
        everyFeature(buildDocument(prefix), [end, end >> 1]);
      }
    });
  }

  it("every feature on random bytes", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const text = garbage(seed, 600);
      everyFeature(buildDocument(text), [0, 100, 300, 599, 600]);
    }
  });
});
