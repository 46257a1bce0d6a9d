// Keywords and methods inside a save path are path keys, not a body or a
// request line: only a keyword that begins its line starts those.
import assert from "node:assert/strict";
import { analyze } from "../../../server/src/core/analyze";

describe("keywords inside save paths", () => {
  it("reads `body[0]` and `GET` as path keys", () => {
    const text = 'call a {\n  GET https://x.example.com/a\n  save x = body[0].id\n  save y = GET\n  on success {\n    say "{{x}} {{y}}"\n  }\n}\n';
    const { ast, diagnostics } = analyze(text);
    assert.deepEqual(diagnostics, []);
    const call = ast.steps[0];
    assert.equal(call.kind, "call");
    if (call.kind !== "call") return;
    assert.equal(call.requests.length, 1);
    assert.deepEqual(call.saves.map((s) => s.path?.segments.map((g) => (g.kind === "key" ? g.key : g.index))), [["body", 0, "id"], ["GET"]]);
  });
});
