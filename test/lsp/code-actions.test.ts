// Quick fixes through the bundled server: for each diagnostic that offers
// one, the action's edit, applied and sent back, makes it disappear.

import assert from "node:assert/strict";
import type { CodeAction, Diagnostic } from "vscode-languageserver/node";
import { applyEdits, newUri, useServer } from "./support";

const CASES: { code: string; text: string }[] = [
  { code: "var-name", text: 'ask OrderId "x"\nsay "{{OrderId}}"\n' },
  { code: "body-not-allowed", text: 'call c {\n  GET https://x.example/\n  body {"a": 1}\n}\n' },
  { code: "period-in-path-var", text: 'ask mail "x" as email\ncall c {\n  GET https://x.example/users/{{mail}}\n}\n' },
  { code: "unknown-connection", text: "call c {\n  GET https://x.example/\n  connection shop\n}\n" },
  { code: "too-many-saves", text: `call c {\n  GET https://x.example/\n${Array.from({ length: 9 }, (_, i) => `  save v${i} = a.b\n`).join("")}}\nsay "${Array.from({ length: 9 }, (_, i) => `{{v${i}}}`).join("")}"\n` },
  { code: "url-scheme", text: "call c {\n  GET http://x.example/\n}\n" },
  { code: "duplicate-request", text: "call c {\n  GET https://x.example/\n  GET https://y.example/\n}\n" },
];

describe("lsp: quick fixes", function () {
  this.timeout(20_000);
  const { client } = useServer();

  for (const { code, text } of CASES) {
    it(`${code}: the preferred (or first) fix clears the diagnostic`, async () => {
      const uri = newUri(code);
      await client().open(uri, text, 1);
      const before = (await client().waitForDiagnostics(uri, 1)).diagnostics;
      const target = before.find((d) => d.code === code);
      assert.ok(target, `no ${code} in ${JSON.stringify(before)}`);
      const actions = await client().request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri }, range: target.range, context: { diagnostics: [target] } });
      const action = actions.find((a) => a.isPreferred) ?? actions.find((a) => a.diagnostics?.[0]?.code === code);
      assert.ok(action?.edit?.changes?.[uri], `no fix for ${code}: ${JSON.stringify(actions)}`);
      assert.equal(action.kind, "quickfix");
      assert.deepEqual(action.diagnostics, [target], "the action names the client's diagnostic");
      const fixed = applyEdits(text, action.edit.changes[uri]);
      await client().change(uri, 2, [{ text: fixed }]);
      const after = (await client().waitForDiagnostics(uri, 2)).diagnostics;
      const count = (ds: Diagnostic[]) => ds.filter((d) => d.code === code).length;
      assert.equal(count(after), count(before) - 1, `still ${code} after the fix:\n${fixed}`);
      assert.ok(!after.some((d) => d.code === "syntax"), `the fix broke the syntax:\n${fixed}`);
    });
  }

  it("offers nothing when only refactorings are asked for, or away from diagnostics", async () => {
    const uri = newUri("none");
    await client().open(uri, 'ask OrderId "x"\nsay "{{OrderId}}"\nsay "fine"\n', 1);
    await client().waitForDiagnostics(uri, 1);
    const range = { start: { line: 0, character: 5 }, end: { line: 0, character: 5 } };
    assert.equal(await client().request("textDocument/codeAction", { textDocument: { uri }, range, context: { diagnostics: [], only: ["refactor"] } }), null);
    const away = { start: { line: 2, character: 1 }, end: { line: 2, character: 1 } };
    assert.deepEqual(await client().request("textDocument/codeAction", { textDocument: { uri }, range: away, context: { diagnostics: [] } }), []);
  });
});
