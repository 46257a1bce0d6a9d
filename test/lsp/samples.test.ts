// Recorded samples in the editor, over stdio against the bundled server: a
// sample on disk feeds save-path-missing (with its quick fix) and
// sample-invalid, hover on a save path and completion after `save NAME = `
// show the sample's values and types, the lens says when it was recorded,
// and a changed sample file (workspace/didChangeWatchedFiles) checks the
// document again. "Run test call" records the sample when asked to.

import assert from "node:assert/strict";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { CodeAction, CodeLens, CompletionItem, Diagnostic, Hover, MarkupContent } from "vscode-languageserver/node";
import { RUN_TEST_CALL_REQUEST, type RunTestCallResult } from "../../server/src/protocol";
import { CLIENT_CAPABILITIES, ensureBuilt, LspClient } from "../helpers/lsp-client";
import { header, startHttpsServer, type TestServer } from "../helpers/https-server";
import { testCertificate } from "../helpers/certificates";
import { tempDir, type TempDir } from "../helpers/temp-dir";
import { positionAt } from "./support";

const TOKEN = "tok-Lsp-echo-4e5f6a7b";
const DAY = 24 * 60 * 60 * 1000;

const FLOW = (origin: string) => `connection shop {
  bearer secret "shop_token"
}
call lookup_order "Look up order" {
  GET ${origin}/orders/1001
  connection shop
  save status = order.status
  save city = order.shiping.city
  save sku = order.items[3].sku
  save x = 
  on success {
    say "{{status}} {{city}} {{sku}} {{x}}"
  }
}
`;

const BODY = { order: { status: "shipped", shipping: { city: "Lyon", zip: "69001" }, items: [{ sku: "A-1" }, { sku: "B-2", qty: 2 }] } };

function sampleText(body: unknown, recorded = new Date(Date.now() - 2 * DAY - 60_000)): string {
  return `${JSON.stringify({ status: 200, statusText: "OK", recorded: recorded.toISOString(), body }, null, 2)}\n`;
}

describe("lsp: recorded samples", function () {
  this.timeout(30_000);
  let client: LspClient;
  let dir: TempDir;
  let server: TestServer;
  let uri: string;
  let text: string;
  let samplePath: string;

  before(async function () {
    this.timeout(60_000);
    await ensureBuilt();
    server = await startHttpsServer();
    client = await LspClient.start({
      capabilities: { ...CLIENT_CAPABILITIES, workspace: { ...CLIENT_CAPABILITIES.workspace, didChangeWatchedFiles: { dynamicRegistration: true } } },
      settings: { botflow: { samples: { record: true } } },
    });
  });
  after(async () => {
    const problems = client.problems();
    assert.equal(await client.stop(), 0);
    assert.deepEqual(problems, []);
    await server.close();
  });
  beforeEach(async () => {
    dir = await tempDir("botflow-lsp-samples-");
    samplePath = join(dir.path, ".botflow", "samples", "shop", "lookup_order.json");
    await mkdir(join(dir.path, ".botflow", "samples", "shop"), { recursive: true });
    await writeFile(samplePath, sampleText(BODY));
    text = FLOW(server.origin);
    await writeFile(join(dir.path, "shop.flow"), text);
    uri = pathToFileURL(join(dir.path, "shop.flow")).toString();
  });
  afterEach(async () => {
    await client.close(uri);
    await dir.remove();
  });

  const codes = (d: Diagnostic[]) => d.map((x) => x.code);
  const hoverAt = async (needle: string, plus = 2) =>
    ((await client.request<Hover>("textDocument/hover", { textDocument: { uri }, position: positionAt(text, text.indexOf(needle) + plus) })).contents as MarkupContent).value;

  it("registers a watcher for sample files", async () => {
    // The server registers after `initialized`, as a request of its own: wait for it rather than race it.
    const find = () => client.registrations.find((r) => r.method === "workspace/didChangeWatchedFiles");
    for (const deadline = Date.now() + 10_000; !find() && Date.now() < deadline; ) await new Promise((done) => setTimeout(done, 20));
    const watch = find();
    assert.deepEqual(watch?.registerOptions, { watchers: [{ globPattern: "**/.botflow/samples/**/*.json" }] });
  });

  it("checks save paths against the sample on disk, with the quick fix to the nearest path", async () => {
    await client.open(uri, text);
    const published = await client.waitForPublish((p) => p.uri === uri && codes(p.diagnostics).includes("save-path-missing"));
    const missing = published.diagnostics.filter((d) => d.code === "save-path-missing");
    // order.status is in the sample; items[3].sku too (any item stands for "some item")
    assert.equal(missing.length, 1);
    assert.equal(missing[0].range.start.line, 7);
    const actions = await client.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri }, range: missing[0].range, context: { diagnostics: [missing[0]] } });
    const edit = actions[0]?.edit?.changes?.[uri]?.[0];
    assert.equal(edit?.newText, "order.shipping.city");
  });

  it("shows the sample's value, type and age on hover, its paths after `save NAME = `, and the age on the lens", async () => {
    await client.open(uri, text);
    await client.waitForPublish((p) => p.uri === uri && codes(p.diagnostics).includes("save-path-missing"));
    assert.match(await hoverAt("order.status", 3), /^\*\*order\.status\*\* · string\n\nRecorded sample: `"shipped"` \(string\) · recorded 2 days ago$/);
    assert.match(await hoverAt("{{sku}}"), /Recorded sample: `"A-1"` \(string\) · recorded 2 days ago/);

    const at = text.indexOf("save x = ") + "save x = ".length;
    const items = await client.request<CompletionItem[]>("textDocument/completion", { textDocument: { uri }, position: positionAt(text, at) });
    const city = items.find((i) => i.label === "order.shipping.city");
    assert.equal(city?.detail, 'string · "Lyon"');
    assert.equal(items.find((i) => i.label === "order.items[0].qty")?.detail, "number · 2");

    const lenses = await client.request<CodeLens[]>("textDocument/codeLens", { textDocument: { uri } });
    assert.deepEqual(lenses.map((l) => l.command?.title), ["Run test call · 200 OK · recorded 2 days ago"]);
  });

  it("checks the document again when its sample changes, is broken, or is removed", async () => {
    await client.open(uri, text);
    await client.waitForPublish((p) => p.uri === uri && codes(p.diagnostics).includes("save-path-missing"));
    const notify = () => client.notify("workspace/didChangeWatchedFiles", { changes: [{ uri: pathToFileURL(samplePath).toString(), type: 2 }] });

    await writeFile(samplePath, sampleText({ order: { ...BODY.order, shiping: { city: "Lyon" } } }));
    let since = client.diagnostics.length;
    await notify();
    const fixed = await client.waitForPublishSince(uri, since);
    assert.ok(!codes(fixed.diagnostics).includes("save-path-missing"), JSON.stringify(fixed.diagnostics));

    await writeFile(samplePath, "");
    since = client.diagnostics.length;
    await notify();
    const broken = await client.waitForPublishSince(uri, since);
    const invalid = broken.diagnostics.find((d) => d.code === "sample-invalid");
    assert.match(String(invalid?.message), /The recorded sample \.botflow\/samples\/shop\/lookup_order\.json of lookup_order cannot be used: the file is empty/);
  });

  it("Run test call records the sample (token masked) and the document is checked against it", async () => {
    await writeFile(samplePath, sampleText({ other: 1 }));
    server.respond = (req, res) => {
      res.writeHead(200, { "content-type": "application/json", "x-echo": header(req, "authorization") ?? "" });
      res.end(JSON.stringify({ ...BODY, order: { ...BODY.order, shiping: { city: "Paris" } }, echo: header(req, "authorization") }));
    };
    // a step with a half-written save line cannot be sent
    text = text.replace("  save x = \n", "").replace(" {{x}}", "");
    await client.open(uri, text);
    await client.waitForPublish((p) => p.uri === uri && p.diagnostics.filter((d) => d.code === "save-path-missing").length === 3);
    const since = client.diagnostics.length;
    const result = await client.request<RunTestCallResult>(RUN_TEST_CALL_REQUEST, {
      uri, step: "lookup_order", values: {}, secrets: { "secret:shop_token": TOKEN }, caCertificates: [(await testCertificate()).cert],
    });
    assert.equal(result.branch, "success");
    assert.deepEqual(result.sample, { recorded: ".botflow/samples/shop/lookup_order.json" });
    const written = await readFile(samplePath, "utf8");
    assert.ok(!written.includes(TOKEN), written);
    assert.equal(JSON.parse(written).body.echo, "Bearer ••••");
    const after = await client.waitForPublishSince(uri, since);
    assert.ok(!codes(after.diagnostics).includes("save-path-missing"), JSON.stringify(after.diagnostics));
    assert.ok(!JSON.stringify(result).includes(TOKEN));

    const off = await client.request<RunTestCallResult>(RUN_TEST_CALL_REQUEST, {
      uri, step: "lookup_order", values: {}, secrets: { "secret:shop_token": TOKEN }, caCertificates: [(await testCertificate()).cert], record: false,
    });
    assert.equal(off.sample, undefined);
  });
});
