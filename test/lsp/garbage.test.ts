// Garbage in: the server answers every request on random bytes and on the
// prefixes of every sample (what a file looks like while typed), without
// crashing and without logging an error. The after hook of useServer checks
// stderr and window/logMessage.

import assert from "node:assert/strict";
import { ResponseError } from "vscode-jsonrpc/node";
import type { Position } from "vscode-languageserver/node";
import { flowFiles } from "../core/features/flow-files";
import { newUri, positionAt, useServer } from "./support";

/** Every request the server answers, at a position where one is needed. */
function requests(uri: string, text: string, at: Position): [string, unknown][] {
  const textDocument = { uri };
  const end = positionAt(text, text.length);
  return [
    ["textDocument/completion", { textDocument, position: at }],
    ["textDocument/completion", { textDocument, position: end }],
    ["textDocument/hover", { textDocument, position: at }],
    ["textDocument/definition", { textDocument, position: at }],
    ["textDocument/references", { textDocument, position: at, context: { includeDeclaration: true } }],
    ["textDocument/documentHighlight", { textDocument, position: at }],
    ["textDocument/prepareRename", { textDocument, position: at }],
    ["textDocument/rename", { textDocument, position: at, newName: "renamed_x" }],
    ["textDocument/documentSymbol", { textDocument }],
    ["textDocument/foldingRange", { textDocument }],
    ["textDocument/formatting", { textDocument, options: { tabSize: 2, insertSpaces: true } }],
    ["textDocument/semanticTokens/full", { textDocument }],
    ["textDocument/codeLens", { textDocument }],
    ["textDocument/codeAction", { textDocument, range: { start: { line: 0, character: 0 }, end }, context: { diagnostics: [] } }],
  ];
}

/** Requests may be refused on purpose (a rename onto a taken name), never fail otherwise. */
async function answerAll(send: (method: string, params: unknown) => Promise<unknown>, uri: string, text: string, at: Position): Promise<void> {
  await Promise.all(requests(uri, text, at).map(async ([method, params]) => {
    try {
      await send(method, params);
    } catch (error) {
      assert.ok(error instanceof ResponseError && error.code === -32803 && /rename/i.test(method), `${method} failed: ${String(error)}`);
    }
  }));
}

function randomText(seed: number, length: number): string {
  let x = seed;
  let out = "";
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out += String.fromCharCode(x % 9 === 0 ? 10 : x % 13 === 0 ? "{}\"#[]=.$"[x % 9].charCodeAt(0) : x % 65536);
  }
  return out;
}

describe("lsp: garbage in", function () {
  this.timeout(60_000);
  const { client } = useServer();
  const send = (method: string, params: unknown) => client().request(method, params);

  it("answers every request on random bytes", async () => {
    for (let seed = 1; seed <= 10; seed++) {
      const text = randomText(seed, 2000);
      const uri = newUri("random");
      await client().open(uri, text, 1);
      await answerAll(send, uri, text, positionAt(text, text.length >> 1));
      await client().waitForDiagnostics(uri, 1);
      await client().close(uri);
    }
  });

  for (const { name, text } of flowFiles()) {
    it(`answers every request on the prefixes of ${name}`, async () => {
      const uri = newUri("prefix");
      await client().open(uri, "", 1);
      const step = Math.max(1, Math.floor(text.length / 250));
      let version = 1;
      for (let end = step; end < text.length + step; end += step) {
        const prefix = text.slice(0, Math.min(end, text.length));
        await client().change(uri, ++version, [{ text: prefix }]);
        await answerAll(send, uri, prefix, positionAt(prefix, prefix.length >> 1));
      }
      await client().waitForDiagnostics(uri, version);
      await client().close(uri);
    });
  }
});
