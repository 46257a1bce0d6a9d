// Request bodies: where a JSON error points, how variables count, and that
// a body being typed does not swallow the statements after it.

import assert from "node:assert/strict";
import { checkJsonBody, maskVariables } from "../../../server/src/core/analysis/json-body";
import { analyze } from "../../../server/src/core/analyze";
import { markedRange } from "../../helpers/markers";
import type { CallStep } from "../../../server/src/core/syntax/ast";

/** The single json-invalid problem of a body written with its expected range marked. */
function expectProblemAt(source: string): string {
  const { text, range } = markedRange(source);
  const problem = checkJsonBody(text, 0);
  assert.ok(problem, "expected a JSON problem");
  assert.deepEqual(problem.span, range, `problem at ${JSON.stringify(text.slice(problem.span.start, problem.span.end))}: ${problem.message}`);
  assert.ok(!/\n/.test(problem.message));
  return problem.message;
}

function flowWithBody(body: string, after = ""): string {
  return `ask name "Name?"
ask age "Age?" as number
call c {
  POST https://api.example.com/people
  body ${body}
${after}}
`;
}

describe("json body", () => {
  describe("syntax errors point at the bad character", () => {
    it("a bare word", () => {
      assert.match(expectProblemAt(`{ "a": [[nope]] }`), /"nope"/);
    });
    it("a missing comma, at the next property", () => {
      expectProblemAt(`{ "a": 1 [["b"]]: 2 }`);
    });
    it("a missing colon", () => {
      assert.match(expectProblemAt(`{ "a" [[1]] }`), /colon/);
    });
    it("a trailing comma, at the comma", () => {
      assert.match(expectProblemAt(`{ "a": [1, 2[[,]] ], "b": 2 }`), /comma/);
      assert.match(expectProblemAt(`{ "a": 1[[,]]
}`), /comma/);
    });
    it("an unquoted key", () => {
      expectProblemAt(`{ [[id]]: 1 }`);
    });
    it("a comment", () => {
      assert.match(expectProblemAt(`{ "a": 1 [[// note]]\n}`), /comments/);
    });
    it("something after the value", () => {
      assert.match(expectProblemAt(`{ "a": 1 } [[2]]`), /follow/);
    });
    it("an error on a later line of a multi-line body", () => {
      expectProblemAt(`{\n  "a": 1,\n  "b": [[tru]],\n  "c": 3\n}`);
    });
    it("an unclosed body, at the bracket never closed", () => {
      assert.match(expectProblemAt(`[[{]] "a": 1`), /never closed/);
      assert.match(expectProblemAt(`{ "a": [[[]]1, 2`), /never closed/);
      assert.match(expectProblemAt(`{ "a": [1, 2 [[}]]`), /closing \]/);
    });
  });

  describe("variables", () => {
    it("are valid as bare values, inside strings and inside arrays", () => {
      for (const body of [`{{name}}`, `"{{name}}"`, `{ "n": {{age}} }`, `{ "s": "Hi {{name}}, {{ age }}!" }`, `[{{age}}, "{{name}}"]`, `{ "a": { "b": {{age}} } }`]) {
        assert.equal(checkJsonBody(body, 0), undefined, body);
      }
    });
    it("keep the length of the text when masked", () => {
      const body = `{ "a": {{age}}, "b": "x{{name}}y", "c": "\\"{{name}}" }`;
      const masked = maskVariables(body);
      assert.equal(masked.length, body.length);
      assert.doesNotThrow(() => JSON.parse(masked));
    });
    it("as a key are still a valid string key, inside quotes", () => {
      assert.equal(checkJsonBody(`{ "{{name}}": 1 }`, 0), undefined);
    });
    it("do not hide an error next to them", () => {
      expectProblemAt(`{ "a": {{age}} [["b"]]: 1 }`);
    });
    it("are counted as uses, with document spans", () => {
      const text = flowWithBody(`{ "n": "{{name}}", "a": {{age}} }`);
      const a = analyze(text);
      assert.deepEqual(a.diagnostics.filter((d) => d.severity !== "hint"), []);
      const bodyUses = a.document.flow.uses.filter((u) => u.place === "body");
      assert.deepEqual(bodyUses.map((u) => text.slice(u.ref.span.start, u.ref.span.end)), ["{{name}}", "{{age}}"]);
    });
  });

  describe("in a flow", () => {
    it("spans several lines as one body", () => {
      const text = flowWithBody(`{
    "name": "{{name}}",
    "tags": [
      "chat",
      "vip"
    ]
  }`, `  save id = person.id
  on success {
    say "{{id}}"
  }
`);
      const a = analyze(text);
      assert.deepEqual(a.diagnostics.filter((d) => d.severity !== "hint").map((d) => d.message), []);
      const call = a.ast.steps[2] as CallStep;
      assert.equal(call.bodies.length, 1);
      assert.match(call.bodies[0].json!.text, /^\{\n[\s\S]*\n  \}$/);
      assert.equal(call.saves.length, 1);
    });

    it("reports a JSON error at document offsets", () => {
      const { text, range } = markedRange(flowWithBody(`{\n    "name": "{{name}}"\n    [["age"]]: {{age}}\n  }`));
      const found = analyze(text).diagnostics.filter((d) => d.code === "json-invalid");
      assert.deepEqual(found.map((d) => d.span), [range]);
    });

    it("an unclosed body does not swallow the statements after it", () => {
      const text = flowWithBody(`{ "name": "{{name}}",`, `  save id = person.id
  header "X Bad" "1"
  on success {
    say "{{id}} {{missing}}"
  }
`);
      const a = analyze(text);
      const codes = a.diagnostics.map((d) => d.code);
      assert.ok(codes.includes("json-invalid"), codes.join());
      assert.ok(codes.includes("header-name"), `later diagnostics lost: ${codes.join()}`);
      assert.deepEqual(a.diagnostics.filter((d) => d.code === "undefined-var").map((d) => text.slice(d.span.start, d.span.end)), ["{{missing}}"]);
      const call = a.ast.steps[2] as CallStep;
      assert.equal(call.saves.length, 1);
      assert.equal(call.bodies[0].json!.text, `{ "name": "{{name}}",`);
    });

    it("an unclosed multi-line body stops at a dedented line", () => {
      const text = `call c {
  POST https://api.example.com/x
  body {
    "a": 1,
    "b": [1, 2
}
say "after {{nothing}}"
`;
      const a = analyze(text);
      const codes = a.diagnostics.map((d) => d.code);
      assert.ok(codes.includes("json-invalid"), codes.join());
      assert.ok(codes.includes("undefined-var"), `the say after the body was swallowed: ${codes.join()}`);
    });

    it("a bare body keyword does not take the next line as its value", () => {
      const { text, range } = markedRange(`call c {
  POST https://api.example.com/x
  [[body]]
  save id = person.id
  on success {
    say "{{id}}"
  }
}
`);
      const a = analyze(text);
      assert.deepEqual(a.diagnostics.map((d) => [d.code, d.span]), [["json-invalid", range]]);
    });

    it("a # inside a body is text, not a comment", () => {
      const text = flowWithBody(`{ "note": "#1 fan", "n": "{{name}}" }`);
      assert.deepEqual(analyze(text).diagnostics.filter((d) => d.severity !== "hint"), []);
    });
  });
});
