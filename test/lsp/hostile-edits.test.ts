// Hostile edits through the bundled server over stdio: 300 quick edits of
// seeded mutations (stray tokens, unknown lines, truncations, byte flips,
// huge lines, deep nesting) with requests in between. Every request is
// answered, the server logs no problem and keeps serving another document, and
// the last diagnostics published are those of the last text.

import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { Diagnostic as LspDiagnostic } from "vscode-languageserver/node";
import { analyze } from "../../server/src/core/analyze";
import { ROOT } from "../helpers/lsp-client";
import { hostileEdit } from "../helpers/mutations";
import { prng } from "../helpers/prng";
import { newUri, positionAt, useServer } from "./support";

const samples = readdirSync(join(ROOT, "samples")).filter((f) => f.endsWith(".flow")).sort().map((f) => readFileSync(join(ROOT, "samples", f), "utf8"));

/** What the core says about `text`, in the shape the server publishes: code, start offset, message. */
function expected(text: string): string[] {
  return analyze(text).diagnostics.map((d) => `${d.code} ${d.span.start}-${d.span.end} ${d.message}`);
}

function published(text: string, diagnostics: LspDiagnostic[]): string[] {
  const doc = TextDocument.create("x:", "botflow", 0, text);
  return diagnostics.map((d) => `${String(d.code)} ${doc.offsetAt(d.range.start)}-${doc.offsetAt(d.range.end)} ${d.message}`);
}

describe("lsp: hostile edits", function () {
  this.timeout(180_000);
  const { client } = useServer();

  it("300 quick edits: every request answered, the last diagnostics match the last text, other documents still served", async () => {
    const uri = newUri("hostile");
    const other = newUri("other");
    await client().open(other, samples[0]);
    await client().waitForDiagnostics(other, 1);
    let text = samples[1];
    await client().open(uri, text);
    const next = prng(1202);
    const answers: Promise<unknown>[] = [];
    for (let version = 2; version <= 301; version++) {
      const mutant = hostileEdit(version % 60 === 0 ? samples[version % samples.length] : text, next);
      text = mutant.text.length > 300_000 ? samples[version % samples.length] : mutant.text;
      await client().change(uri, version, [{ text }]);
      if (version % 10 === 0) {
        const at = positionAt(text, Math.floor(next() * text.length));
        answers.push(client().request("textDocument/hover", { textDocument: { uri }, position: at }));
        answers.push(client().request("textDocument/completion", { textDocument: { uri }, position: at }));
        answers.push(client().request("textDocument/documentSymbol", { textDocument: { uri } }));
        answers.push(client().request("textDocument/semanticTokens/full", { textDocument: { uri } }));
        answers.push(client().request("textDocument/foldingRange", { textDocument: { uri } }));
      }
    }
    await Promise.all(answers);
    const last = await client().waitForDiagnostics(uri, 301, 60_000);
    assert.deepEqual(published(text, last.diagnostics), expected(text));
    // The other document is still served.
    const symbols = await client().request<unknown[]>("textDocument/documentSymbol", { textDocument: { uri: other } });
    assert.ok(symbols.length > 0);
  });

  it("opening a call block of 5,000 x{{ gets its diagnostics, and the server keeps serving", async () => {
    const uri = newUri("xcurly");
    const text = `call a {\n  GET https://api.example.com/a\n${"  x{{\n".repeat(5000)}}\n`;
    await client().open(uri, text);
    const got = await client().waitForDiagnostics(uri, 1, 60_000);
    assert.equal(got.diagnostics.length, 5000);
    const again = newUri("after");
    await client().open(again, samples[0]);
    await client().waitForDiagnostics(again, 1);
  });
});
