import assert from "node:assert/strict";
import { expectClean, expectRanges } from "./kit";

const call = (body: string) => `ask name "Name?"
call c {
  POST https://api.example.com/x
  body ${body}
}
`;

describe("rule json-invalid", () => {
  it("points at a missing comma", () => {
    const [d] = expectRanges(call(`{ "a": 1 [["b"]]: 2 }`), "json-invalid", "error");
    assert.match(d.message, /comma/);
  });

  it("points at a bad character", () => {
    expectRanges(call(`{ "a": [[tru]] }`), "json-invalid", "error");
    expectRanges(call(`{ "a": 'single' }`).replace("'single'", "[['single']]"), "json-invalid", "error");
  });

  it("points at a trailing comma", () => {
    expectRanges(call(`{ "a": 1[[,]] }`), "json-invalid", "error");
  });

  it("reports a body keyword with no value on the keyword", () => {
    expectRanges(`call c {
  POST https://api.example.com/x
  [[body]]
}
`, "json-invalid", "error");
  });

  it("accepts variables inside strings and as bare values", () => {
    expectClean(call(`{ "name": "Hi {{name}}!", "raw": {{name}}, "list": [{{name}}, "{{name}}"] }`));
    expectClean(call(`{{name}}`));
    expectClean(call(`"{{name}}"`));
    expectClean(call(`[1, 2, 3]`));
    expectClean(call(`42`));
  });
});
