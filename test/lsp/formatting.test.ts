// Formatting through the bundled server: idempotent on every sample and
// fixture, whitespace-only, and no edits at all on a file with syntax errors.

import assert from "node:assert/strict";
import type { TextEdit } from "vscode-languageserver/node";
import { flowFiles } from "../core/features/flow-files";
import { applyEdits, newUri, useServer } from "./support";

const OPTIONS = { tabSize: 4, insertSpaces: false };

describe("lsp: formatting", function () {
  this.timeout(30_000);
  const { client } = useServer();

  async function format(text: string): Promise<string> {
    const uri = newUri("format");
    await client().open(uri, text);
    const edits = await client().request<TextEdit[] | null>("textDocument/formatting", { textDocument: { uri }, options: OPTIONS });
    await client().close(uri);
    return applyEdits(text, edits ?? []);
  }

  it("re-indents a messy file to two spaces per level", async () => {
    const messy = 'call  c {\n\tGET https://x.example/\n\t\ton success {\n say "x"\n}\n}\n\n\n';
    assert.equal(await format(messy), 'call c {\n  GET https://x.example/\n  on success {\n    say "x"\n  }\n}\n');
  });

  it("returns no edits on a file with syntax errors", async () => {
    const uri = newUri("format");
    await client().open(uri, 'call c {\n      say "x" "y"\n');
    assert.deepEqual(await client().request("textDocument/formatting", { textDocument: { uri }, options: OPTIONS }), []);
  });

  for (const { name, text } of flowFiles()) {
    it(`${name}: formatting twice changes nothing more, and only whitespace`, async () => {
      const once = await format(text);
      assert.equal(once.replace(/\s+/g, ""), text.replace(/\s+/g, ""));
      assert.equal(await format(once), once);
    });
  }
});
