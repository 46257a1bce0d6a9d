// The cases of issue 12, each with its exact ranges: pasted bodies of any
// indentation, bodies that never close, hostile text, one diagnostic per
// unknown line, and request lines that say why they cannot be sent.

import assert from "node:assert/strict";
import { analyze } from "../../../server/src/core/analyze";
import type { CallStep } from "../../../server/src/core/syntax/ast";
import { marked, showRanges } from "../../helpers/markers";

/** Every error and warning of `source` is exactly at its marked ranges, with these codes in order. */
function expectExactly(source: string, codes: string[]): { text: string; messages: string[] } {
  const { text, ranges } = marked(source);
  const found = analyze(text).diagnostics.filter((d) => d.severity === "error" || d.severity === "warning");
  assert.equal(showRanges(text, found.map((d) => d.span)), showRanges(text, ranges), found.map((d) => `${d.code}: ${d.message}`).join(" | "));
  assert.deepEqual(found.map((d) => d.code), codes);
  return { text, messages: found.map((d) => d.message) };
}

const STEP_TAIL = `  save id = a.id
  on success {
    say "{{id}}"
  }
}
`;

describe("issue 12 cases", () => {
  it("a pasted body with flush-left inner lines is accepted and the step keeps its lines", () => {
    const text = `call c {
  POST https://api.example.com/x
  body {
"a": "b"
}
${STEP_TAIL}`;
    expectExactly(text, []);
    const call = analyze(text).ast.steps[0] as CallStep;
    assert.equal(call.bodies[0].json?.text, `{\n"a": "b"\n}`);
    assert.equal(call.saves.length, 1);
    assert.equal(call.onSuccess?.steps.length, 1);
  });

  it("a pasted body indented with tabs is accepted", () => {
    expectExactly(`call c {
  POST https://api.example.com/x
  body [
\t1,
\t2
]
${STEP_TAIL}`, []);
  });

  it("a body with CRLF line ends and a comment after it is accepted", () => {
    expectExactly(`call c {\r\n  POST https://api.example.com/x\r\n  body {\r\n\t"a": [1,\r\n2]\r\n}  # sent as is\r\n${STEP_TAIL.replaceAll("\n", "\r\n")}`, []);
  });

  it("a body that never closes is json-invalid at the bracket left open, and the later steps keep their diagnostics", () => {
    const text = `call c {
  POST https://api.example.com/x
  body [{"":[{"":[{
  save id = a.id
}
say "{{nope}}"
`;
    const found = analyze(text).diagnostics.filter((d) => d.severity === "error");
    const open = text.indexOf("[{\n") + 1;
    const nope = text.indexOf("{{nope}}");
    assert.deepEqual(found.map((d) => [d.code, d.span]), [["json-invalid", { start: open, end: open + 1 }], ["undefined-var", { start: nope, end: nope + 8 }]]);
    assert.match(found[0].message, /\{ on line 3 is never closed/);
    assert.equal((analyze(text).ast.steps[0] as CallStep).saves.length, 1);
  });

  it("a body of 100,000 [ is json-invalid at the innermost one", () => {
    const text = `call c {
  POST https://api.example.com/x
  body ${"[".repeat(100_000)}
}
`;
    const found = analyze(text).diagnostics;
    const last = text.lastIndexOf("[");
    assert.deepEqual(found.map((d) => [d.code, d.span]), [["json-invalid", { start: last, end: last + 1 }]]);
    assert.match(found[0].message, /\[ on line 3 is never closed/);
  });

  it("a call block holding thousands of x{{ is read: one diagnostic per line, the block goes on", () => {
    const lines = Array.from({ length: 3000 }, () => "  [[x{{]]").join("\n");
    expectExactly(`call c {
  GET https://api.example.com/x
${lines}
  save id = a.id
  on success {
    say "{{id}}"
  }
}
`, Array(3000).fill("syntax"));
  });

  it("an unknown line with braces is one diagnostic on that line, and save / on success stay in the step", () => {
    const text = `call c {
  GET https://api.example.com/x
  [[query { "q": "x" }]]
${STEP_TAIL}`;
    const { messages } = expectExactly(text, ["syntax"]);
    assert.match(messages[0], /^Unexpected 'query \{ "q": "x" \}': a statement starts with a keyword/);
    const call = analyze(marked(text).text).ast.steps[0] as CallStep;
    assert.equal(call.saves.length, 1);
    assert.equal(call.onSuccess?.steps.length, 1);
  });

  it("example { … } is read like a body: stored on the step, checked as JSON (and as the step's response sample)", () => {
    const text = `call c {
  GET https://api.example.com/x
  example {
"a": { "id": 1 },
\t"items": [{ "sku": "A-1" }]
}
${STEP_TAIL}`;
    expectExactly(text, []);
    const call = analyze(text).ast.steps[0] as CallStep;
    assert.equal(call.examples.length, 1);
    assert.equal(call.examples[0].json?.text, `{\n"a": { "id": 1 },\n\t"items": [{ "sku": "A-1" }]\n}`);
    assert.equal(call.bodies.length, 0);
    const { messages } = expectExactly(`call c {
  GET https://api.example.com/x
  example { "id": 1[[,]] }
${STEP_TAIL}`, ["json-invalid"]);
    assert.match(messages[0], /^The example is not valid JSON/);
  });

  it("GET # is url-invalid on the #", () => {
    expectExactly(`call c {
  GET [[#]]
}
`, ["url-invalid"]);
  });

  it("a bare GET is url-invalid on the method", () => {
    expectExactly(`call c {
  [[GET]]
}
`, ["url-invalid"]);
  });

  it("a variable in the host is var-in-domain alone", () => {
    expectExactly(`ask v "?"
call c {
  GET https://example.[[{{v}}]]/a
}
`, ["var-in-domain"]);
  });

  it("https:/x and https:x are reported as typos, fixed to https://x", () => {
    for (const [written, fixed] of [["https:/x.example.com/a", "https://x.example.com/a"], ["https:x.example.com/a", "https://x.example.com/a"], ["https:\\\\x.example.com/a", "https://x.example.com/a"]]) {
      const text = `call c {\n  GET ${written}\n}\n`;
      const [d] = analyze(text).diagnostics.filter((x) => x.code === "url-invalid");
      assert.ok(d, written);
      const edit = d.fixes![0].edits[0];
      const after = text.slice(0, edit.span.start) + edit.newText + text.slice(edit.span.end);
      assert.equal(after, `call c {\n  GET ${fixed}\n}\n`);
      assert.deepEqual(analyze(after).diagnostics.filter((x) => x.code === "url-invalid"), []);
    }
  });
});
