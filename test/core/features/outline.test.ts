import assert from "node:assert/strict";
import { buildDocument } from "../../../server/src/core/analysis/document";
import { documentSymbols, type OutlineSymbol } from "../../../server/src/core/features/document-symbols";
import { foldingRanges } from "../../../server/src/core/features/folding";
import { testCallLenses } from "../../../server/src/core/features/code-lens";

const FLOW = `flow "Orders"
# one
# two
connection shop {
  bearer env T
}
ask order "Number?"
call lookup "Look up" {
  GET https://x.example/{{order}}
  body {
    "a": 1
  }
  on success {
    say "ok"
  }
  on failure {
    handoff
  }
}
menu more "More?" {
  option "Yes" {
    goto lookup
  }
}
`;

const tree = (symbols: OutlineSymbol[]): unknown => symbols.map((s) => (s.children.length ? { [`${s.kind} ${s.name}`]: tree(s.children) } : `${s.kind} ${s.name}`));

describe("features: outline, folding, code lens", () => {
  it("outlines flow → connections and steps → branches and options → steps", () => {
    assert.deepEqual(tree(documentSymbols(buildDocument(FLOW))), [{
      "flow Orders": [
        "connection shop",
        "ask ask order",
        { "call lookup": [{ "branch on success": ['say say "ok"'] }, { "branch on failure": ["handoff handoff"] }] },
        { "menu more": [{ 'option "Yes"': ["goto goto lookup"] }] },
      ],
    }]);
  });

  it("gives every symbol a name and a selection inside its range, even on broken text", () => {
    for (const text of [FLOW, "call {\n menu {\n option {", 'flow\nconnection {\nask\ncall x "y" {\n on failure {\n']) {
      const walk = (symbols: OutlineSymbol[]) => {
        for (const s of symbols) {
          assert.ok(s.name.length > 0);
          assert.ok(s.selectionSpan.start >= s.span.start && s.selectionSpan.end <= s.span.end, `${s.name}: selection outside range`);
          walk(s.children);
        }
      };
      walk(documentSymbols(buildDocument(text)));
    }
  });

  it("folds blocks up to the line before their brace, bodies, and comment runs", () => {
    const ranges = foldingRanges(buildDocument(FLOW)).map((r) => `${r.startLine}-${r.endLine}${r.kind ? ` ${r.kind}` : ""}`).sort();
    assert.deepEqual(ranges, ["1-2 comment", "12-13", "15-16", "19-22", "20-21", "3-4", "7-17", "9-10"].sort());
  });

  it("folds # region markers", () => {
    assert.deepEqual(foldingRanges(buildDocument('# region greet\nsay "a"\nsay "b"\n# endregion\n')), [{ startLine: 0, endLine: 3, kind: "region" }]);
  });

  it("puts a Run test call lens on each named call step, with the last result", () => {
    const doc = buildDocument(FLOW);
    assert.deepEqual(testCallLenses(doc).map((l) => [l.title, l.step, FLOW.slice(l.span.start, l.span.end)]), [["Run test call", "lookup", "call lookup"]]);
    const lens = testCallLenses(doc, () => ({ status: 200, statusText: "OK", durationMs: 143.4 }))[0];
    assert.equal(lens.title, "Run test call · 200 OK · 143 ms");
    assert.equal(testCallLenses(doc, () => ({ durationMs: 10000, error: "timeout" }))[0].title, "Run test call · failed: timeout · 10000 ms");
  });
});
