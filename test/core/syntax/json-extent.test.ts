// Where a JSON value after `body` / `example` ends: its matching bracket,
// whatever the layout; strings, escapes and `{{…}}` are honoured; a value that
// never closes stops before the next statement line or a closer that is not its own.

import assert from "node:assert/strict";
import { jsonValueExtent } from "../../../server/src/core/syntax/json-extent";

/** The value read from the start of `text` (which begins with the value). */
function read(text: string): { value: string; unclosed?: string } {
  const extent = jsonValueExtent(text, 0);
  return { value: text.slice(0, extent.end), ...(extent.unclosed === undefined ? {} : { unclosed: `${text[extent.unclosed]}@${extent.unclosed}` }) };
}

describe("json value extent", () => {
  it("ends at the matching bracket, whatever the indentation", () => {
    assert.deepEqual(read(`{\n"a": [\n\t1,\n2\n]\n}\n  save x = y`), { value: `{\n"a": [\n\t1,\n2\n]\n}` });
    assert.deepEqual(read(`[\r\n\t1\r\n]\r\nsay "x"`), { value: `[\r\n\t1\r\n]` });
  });

  it("reads brackets inside strings and escapes as text", () => {
    assert.deepEqual(read(`{"a": "}]\\"{[", "b": "\\\\"}\n}`), { value: `{"a": "}]\\"{[", "b": "\\\\"}` });
  });

  it("reads a bare {{variable}} as one value", () => {
    assert.deepEqual(read(`{{order}} # note`), { value: `{{order}}` });
    assert.deepEqual(read(`[{{a}}, {"b": {{b}}}]\n}`), { value: `[{{a}}, {"b": {{b}}}]` });
  });

  it("leaves a # comment after a complete value out, and keeps anything else on the line in", () => {
    assert.deepEqual(read(`42 # the answer`), { value: `42` });
    assert.deepEqual(read(`{"a": 1} # note`), { value: `{"a": 1}` });
    assert.deepEqual(read(`{"a": 1}}\n}`), { value: `{"a": 1}}` });
    assert.deepEqual(read(`"x" y\nsave`), { value: `"x" y` });
  });

  it("a value that never closes stops before the next statement line, at the innermost open bracket", () => {
    assert.deepEqual(read(`{"a": [1,\n  "b"\n  save x = y\n}`), { value: `{"a": [1,\n  "b"`, unclosed: "[@6" });
    assert.deepEqual(read(`[[[`), { value: `[[[`, unclosed: "[@2" });
  });

  it("a closer with no opener of its kind is not the value's: it stops before it", () => {
    assert.deepEqual(read(`[1, 2\n}\nsay "x"`), { value: `[1, 2`, unclosed: "[@0" });
  });

  it("a closer of the wrong kind closes up to its own opener", () => {
    assert.deepEqual(read(`{"a": [1, 2}\nsave`), { value: `{"a": [1, 2}` });
  });
});
