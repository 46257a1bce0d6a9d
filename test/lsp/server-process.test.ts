import assert from "node:assert/strict";
import { fork, spawn } from "node:child_process";
import { resolve } from "node:path";
import { createMessageConnection, IPCMessageReader, IPCMessageWriter } from "vscode-jsonrpc/node";
import type { InitializeResult, PublishDiagnosticsParams } from "vscode-languageserver/node";
import { CLIENT_CAPABILITIES, ensureBuilt, LspClient, ROOT, SERVER_BUNDLE, stdioConnection } from "../helpers/lsp-client";
import { newUri } from "./support";

describe("lsp: the server process", function () {
  this.timeout(30_000);
  before(ensureBuilt);

  it("announces its features over stdio with incremental sync", async () => {
    const client = await LspClient.start();
    const caps = client.initializeResult.capabilities;
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
    for (const key of ["hoverProvider", "definitionProvider", "referencesProvider", "documentFormattingProvider", "foldingRangeProvider", "documentHighlightProvider"] as const) {
      assert.equal(caps[key], true, key);
    }
    assert.deepEqual(caps.renameProvider, { prepareProvider: true });
    assert.ok(caps.completionProvider?.triggerCharacters?.includes("{"));
    assert.ok(caps.semanticTokensProvider && caps.codeLensProvider && caps.codeActionProvider && caps.documentSymbolProvider);
    assert.equal(await client.stop(), 0);
    assert.deepEqual(client.problems(), []);
  });

  it("starts with no transport flag too (stdio by default)", async () => {
    const client = await LspClient.start({ args: [] });
    assert.equal(client.initializeResult.serverInfo?.name, "botflow");
    assert.equal(await client.stop(), 0);
    assert.deepEqual(client.problems(), []);
  });

  it("serves over --node-ipc too (on its main thread: a worker has no process.send)", async () => {
    const child = fork(SERVER_BUNDLE, ["--node-ipc"], { cwd: ROOT, stdio: ["pipe", "pipe", "pipe", "ipc"] });
    const stderr: string[] = [];
    child.stderr!.on("data", (c: Buffer) => stderr.push(c.toString()));
    const exited = new Promise<number | null>((done) => child.on("exit", done));
    const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    const published = new Promise<PublishDiagnosticsParams>((done) => connection.onNotification("textDocument/publishDiagnostics", done));
    connection.onRequest("workspace/configuration", () => [null]);
    connection.listen();
    const init: InitializeResult = await connection.sendRequest("initialize", { processId: process.pid, rootUri: null, capabilities: CLIENT_CAPABILITIES });
    assert.equal(init.serverInfo?.name, "botflow");
    await connection.sendNotification("initialized", {});
    await connection.sendNotification("textDocument/didOpen", { textDocument: { uri: newUri("ipc"), languageId: "botflow", version: 1, text: 'say "{{nope}}"\n' } });
    assert.equal((await published).diagnostics[0]?.code, "undefined-var");
    await connection.sendRequest("shutdown");
    await connection.sendNotification("exit");
    assert.equal(await exited, 0);
    connection.dispose();
    assert.deepEqual(stderr, []);
  });

  it("ends when its client closes stdin without a shutdown (exit code 1, as the library says)", async () => {
    const client = await LspClient.start();
    const exited = new Promise<number | null>((done) => client.process.on("exit", done));
    client.process.stdin.end();
    assert.equal(await exited, 1);
    assert.deepEqual(client.problems(), []);
  });

  it("runs as `botflow lsp --stdio` from the CLI", async () => {
    const child = spawn(process.execPath, [resolve(ROOT, "bin/botflow.js"), "lsp", "--stdio"], { cwd: ROOT, stdio: "pipe" });
    const stderr: string[] = [];
    child.stderr.on("data", (c: Buffer) => stderr.push(c.toString()));
    const exited = new Promise<number | null>((done) => child.on("exit", done));
    const connection = stdioConnection(child);
    const published = new Promise<PublishDiagnosticsParams>((done) => connection.onNotification("textDocument/publishDiagnostics", done));
    connection.onRequest("workspace/configuration", () => [null]);
    connection.listen();
    const init: InitializeResult = await connection.sendRequest("initialize", { processId: process.pid, rootUri: null, capabilities: CLIENT_CAPABILITIES });
    assert.equal(init.serverInfo?.name, "botflow");
    await connection.sendNotification("initialized", {});
    const uri = newUri("cli");
    await connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "botflow", version: 1, text: 'say "{{nope}}"\n' } });
    assert.equal((await published).diagnostics[0]?.code, "undefined-var");
    await connection.sendRequest("shutdown");
    await connection.sendNotification("exit");
    assert.equal(await exited, 0);
    connection.dispose();
    assert.deepEqual(stderr, []);
  });
});
