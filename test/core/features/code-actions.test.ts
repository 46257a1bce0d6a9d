import assert from "node:assert/strict";
import { analyze } from "../../../server/src/core/analyze";
import { quickFixes } from "../../../server/src/core/features/code-actions";
import { applyEdits } from "../../helpers/edits";

const apply = applyEdits;

const count = (text: string, code: string) => analyze(text).diagnostics.filter((d) => d.code === code).length;

/** Each case: a flow with one diagnostic of `code` that a quick fix clears. */
const CASES: { code: string; text: string; title: RegExp }[] = [
  { code: "var-name", text: 'ask OrderId "x"\nsay "{{OrderId}}"', title: /Rename to order_id/ },
  { code: "body-not-allowed", text: 'call c {\n  GET https://x.example/\n  body {"a": 1}\n}', title: /Change GET to POST/ },
  { code: "period-in-path-var", text: 'ask mail "x" as email\ncall c {\n  GET https://x.example/users/{{mail}}\n}', title: /query value/ },
  { code: "unknown-connection", text: "call c {\n  GET https://x.example/\n  connection shop\n}", title: /Declare connection shop/ },
  {
    code: "too-many-saves",
    text: `call c {\n  GET https://x.example/\n${Array.from({ length: 9 }, (_, i) => `  save v${i} = a.b${i}\n`).join("")}}\nsay "${Array.from({ length: 9 }, (_, i) => `{{v${i}}}`).join("")}"`,
    title: /Remove this save/,
  },
  { code: "url-scheme", text: "call c {\n  GET http://x.example/\n}", title: /https/ },
  { code: "ask-type", text: 'ask a "x" as Email\nsay "{{a}}"', title: /Change to email/ },
  { code: "unknown-step", text: "call Lookup {\n  GET https://x.example/\n}\ngoto lookup", title: /Change to Lookup/ },
  { code: "duplicate-save", text: 'call c {\n  GET https://x.example/\n  save a = x\n  save a = y\n}\nsay "{{a}}"', title: /Remove this save/ },
  { code: "duplicate-request", text: "call c {\n  GET https://x.example/\n  GET https://y.example/\n}", title: /Remove this request line/ },
];

describe("features: quick fixes", () => {
  for (const { code, text, title } of CASES) {
    it(`${code}: the fix clears the diagnostic`, () => {
      const { diagnostics } = analyze(text);
      const target = diagnostics.find((d) => d.code === code);
      assert.ok(target, `no ${code} diagnostic in the case`);
      const fixes = quickFixes(diagnostics, { start: target.span.start, end: target.span.start }).filter((f) => f.diagnostic.code === code);
      const fix = fixes.find((f) => title.test(f.fix.title));
      assert.ok(fix, `no fix titled ${title} among ${fixes.map((f) => f.fix.title).join(", ")}`);
      const fixed = apply(text, fix.fix.edits);
      assert.equal(count(fixed, code), count(text, code) - 1, `after the fix:\n${fixed}`);
      assert.equal(count(fixed, "syntax"), 0, `the fix broke the syntax:\n${fixed}`);
    });
  }

  it("offers only the fixes of diagnostics touching the range", () => {
    const { diagnostics } = analyze('ask OrderId "x"\nsay "{{OrderId}}"\nask Other "y"\nsay "{{Other}}"');
    const first = quickFixes(diagnostics, { start: 5, end: 5 });
    assert.deepEqual(first.map((f) => f.fix.title), ["Rename to order_id"]);
    assert.equal(quickFixes(diagnostics, { start: 16, end: 17 }).length, 0);
  });
});
