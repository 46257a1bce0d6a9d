// Shared pieces of the LSP tests: one bundled server per test file, text
// positions, and applying the server's edits the way an editor does.

import assert from "node:assert/strict";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { Position } from "vscode-languageserver/node";
import { ensureBuilt, fileUri, LspClient, type StartOptions } from "../helpers/lsp-client";

/** Starts the bundled server before the file's tests; after them, checks it logged no problem and exits cleanly. */
export function useServer(options: StartOptions = {}): { client: () => LspClient } {
  let client: LspClient | undefined;
  before(async function () {
    this.timeout(60_000);
    await ensureBuilt();
    client = await LspClient.start(options);
  });
  after(async () => {
    if (!client) return;
    const problems = client.problems();
    const code = await client.stop();
    assert.deepEqual(problems, [], "the server logged problems");
    assert.equal(code, 0, "the server did not exit cleanly");
  });
  return { client: () => client! };
}

let counter = 0;
/** A fresh document URI per call, so tests never share state. */
export function newUri(name = "test"): string {
  return fileUri(`test/lsp/.virtual/${name}-${++counter}.flow`);
}

export function positionAt(text: string, offset: number): Position {
  return TextDocument.create("x:", "botflow", 0, text).positionAt(offset);
}

export function offsetAt(text: string, position: Position): number {
  return TextDocument.create("x:", "botflow", 0, text).offsetAt(position);
}

export { applyLspEdits as applyEdits } from "../helpers/edits";
