import assert from "node:assert/strict";
import { buildDocument } from "../../../server/src/core/analysis/document";
import { formatDocument, formatText } from "../../../server/src/core/features/format";
import { flowFiles } from "./flow-files";
import { applyEdits } from "../../helpers/edits";

const apply = applyEdits;

const format = (text: string) => apply(text, formatDocument(buildDocument(text)));
const nonBlank = (text: string) => text.replace(/\s+/g, "");

/**
 * The same flow with its layout ruined: no indentation, wide gaps after the
 * first word, tripled blank lines, trailing blanks. (Not a varying
 * indentation: a JSON body line dedented below its `body` line ends the body.)
 */
function scramble(text: string): string {
  return text.split("\n").map((line) => {
    const body = line.trim();
    if (!body) return "\n\n";
    const space = body.indexOf(" ");
    const wide = space > 0 && /^(say|ask|goto|handoff|menu|option|connection|save|test|call|bearer|domain|description)\b/.test(body);
    return `${wide ? `${body.slice(0, space)}   ${body.slice(space + 1)}` : body}   `;
  }).join("\n");
}

describe("features: format", () => {
  it("indents blocks by two spaces and spaces words singly", () => {
    const messy = 'flow   "x"\nconnection   shop{\nbearer env   T\n    }\ncall  c"Display"{\n        POST   https://x.example/a\n  save x=order.items[0].sku\n  save y = ["odd key"].id\n  save z =$\non success{\nsay "hi"\n    }\n}\n';
    assert.equal(format(messy), 'flow "x"\nconnection shop {\n  bearer env T\n}\ncall c "Display" {\n  POST https://x.example/a\n  save x = order.items[0].sku\n  save y = ["odd key"].id\n  save z = $\n  on success {\n    say "hi"\n  }\n}\n');
  });

  it("keeps comments, trims their trailing spaces, keeps aligned trailing comments", () => {
    const text = '# top   \nsay "a"      # aligned\nask b "x"    # aligned\n  # indented wrongly\nsay "{{b}}"\n';
    assert.equal(format(text), '# top\nsay "a"      # aligned\nask b "x"    # aligned\n# indented wrongly\nsay "{{b}}"\n');
  });

  it("keeps at most one blank line, none at the start, one newline at the end", () => {
    assert.equal(format('\n\n\nsay "a"\n\n\n\nsay "b"'), 'say "a"\n\nsay "b"\n');
  });

  it("re-indents a JSON body without changing its text", () => {
    const text = 'call c {\n  POST https://x.example/\n  body {\n          "a":   1,\n     "b": [1,\n            2],\n        "c": "  spaced  {{q}}"\n    }\n}\n';
    const out = format(text);
    assert.equal(out, 'call c {\n  POST https://x.example/\n  body {\n    "a":   1,\n    "b": [1,\n      2],\n    "c": "  spaced  {{q}}"\n  }\n}\n');
  });

  it("leaves a body that is not valid JSON as written", () => {
    const text = 'call c {\n  POST https://x.example/\n  body {\n      "a": 1,,\n      }\n}\n';
    assert.equal(format(text), text);
  });

  it("keeps CRLF line ends", () => {
    assert.equal(format('call c {\r\nGET https://x.example/\r\n}\r\n'), 'call c {\r\n  GET https://x.example/\r\n}\r\n');
  });

  it("returns no edits for a file with syntax errors", () => {
    assert.deepEqual(formatDocument(buildDocument('call c {\n     say "x" "y"\n')), []);
    assert.deepEqual(formatDocument(buildDocument('say "unterminated\n   ask')), []);
  });

  it("returns no edits for an already formatted file, and an edit of the changed lines only", () => {
    assert.deepEqual(formatDocument(buildDocument('say "a"\n')), []);
    const edits = formatDocument(buildDocument('say "a"\nsay   "b"\nsay "c"\n'));
    assert.deepEqual(edits, [{ span: { start: 8, end: 18 }, newText: 'say "b"\n' }]);
  });

  for (const { name, text } of flowFiles()) {
    it(`${name}: idempotent, loses no text, and undoes a scrambled layout`, () => {
      const once = format(text);
      assert.equal(nonBlank(once), nonBlank(text), "formatting changed more than whitespace");
      assert.equal(format(once), once, "formatting twice changed the text again");
      if (buildDocument(text).syntaxDiagnostics.length) {
        assert.equal(once, text, "a file with syntax errors must be left alone");
        return;
      }
      assert.equal(formatText(scramble(once)), once);
    });
  }
});
