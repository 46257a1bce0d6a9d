// botflow/testCallPlan, botflow/runTestCall and botflow/saveLinesEdit over
// stdio: the bundled server (dist/server.js) with a real JSON-RPC client,
// calling the loopback HTTPS test server.

import assert from "node:assert/strict";
import { CancellationTokenSource } from "vscode-jsonrpc/node";
import type { CodeLens } from "vscode-languageserver/node";
import {
  RUN_TEST_CALL_REQUEST, SAVE_LINES_EDIT_REQUEST, TEST_CALL_PLAN_REQUEST,
  type RunTestCallParams, type RunTestCallResult, type SaveLinesEditResult, type TestCallPlan,
} from "../../server/src/protocol";
import { LspClient, ensureBuilt, fileUri } from "../helpers/lsp-client";
import { header, startHttpsServer, type TestServer } from "../helpers/https-server";
import { testCertificate } from "../helpers/certificates";

const TOKEN = `tok-${"Xy7".repeat(40)}`;
const URI = fileUri("test/lsp/.virtual/shop.flow");

const FLOW = (origin: string) => `connection shop {
  bearer secret "shop_token"
}

call lookup "Look up order" {
  GET ${origin}/orders/{{order_number}}?fields={{fields}}
  connection shop
  header "Accept" "application/json"
  save status = order.status
  test order_number = "1001"
  on success {
    say "{{status}}"
  }
  on failure {
    handoff
  }
}
`;

let server: TestServer;
let client: LspClient;
let ca: string;

function answer(status: number, body: string | unknown, delayMs = 0) {
  server.respond = (_req, res) => {
    const timer = setTimeout(() => {
      res.writeHead(status, { "content-type": "application/json", "x-echo": TOKEN });
      res.end(typeof body === "string" ? body : JSON.stringify(body));
    }, delayMs);
    // an aborted request (the cancellation test) gets no late answer, and mocha need not wait for one
    res.on("close", () => clearTimeout(timer));
  };
}

function run(overrides: Partial<RunTestCallParams> = {}): Promise<RunTestCallResult> {
  const params: RunTestCallParams = {
    uri: URI, step: "lookup", values: { fields: "id,status" }, secrets: { "secret:shop_token": TOKEN }, timeoutMs: 5000, caCertificates: [ca], ...overrides,
  };
  return client.request<RunTestCallResult>(RUN_TEST_CALL_REQUEST, params);
}

function assertNoSecret(value: unknown) {
  assert.ok(!JSON.stringify(value).includes(TOKEN), `the secret leaked: ${JSON.stringify(value)}`);
}

describe("lsp: botflow/runTestCall", function () {
  this.timeout(30_000);

  before(async () => {
    await ensureBuilt();
    ca = (await testCertificate()).cert;
  });
  beforeEach(async () => {
    server = await startHttpsServer();
    client = await LspClient.start();
    await client.open(URI, FLOW(server.origin));
    await client.waitForDiagnostics(URI, 1);
  });
  afterEach(async () => {
    await client.stop();
    await server.close();
  });

  it("plans: the variables with their test values and the connection's secrets", async () => {
    const plan = await client.request<TestCallPlan>(TEST_CALL_PLAN_REQUEST, { uri: URI, position: { line: 6, character: 4 } });
    assert.equal(plan.step, "lookup");
    assert.deepEqual(plan.variables, [{ name: "order_number", testValue: "1001" }, { name: "fields" }]);
    assert.deepEqual(plan.secrets, [{ kind: "secret", key: "shop_token" }]);
    assert.deepEqual(plan.fileSecrets, ["shop_token"]);
    assert.deepEqual(plan.blocking, []);
  });

  it("runs the call through the core: redacted request, response, fields, no secret anywhere", async () => {
    answer(200, { order: { id: 1001, status: "shipped", echo: TOKEN }, items: [{ sku: "A1" }] });
    const result = await run();
    const received = server.requests[0];
    assert.equal(received.target, "/orders/1001?fields=id%2Cstatus");
    assert.equal(header(received, "authorization"), `Bearer ${TOKEN}`);

    assert.equal(result.sent, true);
    assert.equal(result.branch, "success");
    assert.equal(result.error, null);
    assert.equal(result.response?.status, 200);
    assert.ok(result.durationMs >= 0);
    assert.equal(result.request?.headers.find(([n]) => n === "Authorization")?.[1], "Bearer ••••");
    assert.deepEqual(result.fields.map((f) => [f.path, f.value, f.type, f.name, f.alreadySavedAs]), [
      ["order", "{3 keys}", "object", "order", undefined],
      ["order.id", "1001", "number", "id", undefined],
      ["order.status", '"shipped"', "string", "status", "status"],
      ["order.echo", '"••••"', "string", "echo", undefined],
      ["items", "[1 item]", "array", "items", undefined],
      ["items[0]", "{1 key}", "object", "items_0", undefined],
      ["items[0].sku", '"A1"', "string", "sku", undefined],
    ].map(([p, v, t, n, a]) => [p, v, t, n, a]));
    assertNoSecret(result);
    assertNoSecret(client.logs);
    assert.deepEqual(client.problems(), []);
  });

  it("records the summary: the code lens shows the status and the time, and the client is asked to refresh", async () => {
    answer(201, { order: { status: "shipped" } });
    const before = await client.request<CodeLens[]>("textDocument/codeLens", { textDocument: { uri: URI } });
    assert.equal(before[0].command?.title, "Run test call");
    const result = await run();
    const lenses = await client.request<CodeLens[]>("textDocument/codeLens", { textDocument: { uri: URI } });
    assert.equal(lenses[0].command?.title, `Run test call · 201 Created · ${result.durationMs} ms`);
    assert.ok(client.codeLensRefreshes.length >= 1);
    const hover = await client.request<{ contents: { value: string } } | null>("textDocument/hover", { textDocument: { uri: URI }, position: { line: 8, character: 8 } });
    assert.ok(hover, "no hover on the save line");
    assert.match(JSON.stringify(hover.contents), /shipped/, "the hover shows no sample value");
  });

  it("without the CA: the TLS failure in one line, failure branch, no fields", async () => {
    answer(200, {});
    const result = await run({ caCertificates: [] });
    assert.equal(result.sent, true);
    assert.equal(result.branch, "failure");
    assert.equal(result.kind, "tls");
    assert.equal(result.response, null);
    assert.ok(result.error && !result.error.includes("\n"), `not one line: ${result.error}`);
    assert.match(result.error!, /certificate/i);
    assert.deepEqual(result.fields, []);
    const lenses = await client.request<CodeLens[]>("textDocument/codeLens", { textDocument: { uri: URI } });
    assert.match(lenses[0].command!.title, /^Run test call · failed: .* · \d+ ms$/);
  });

  it("a missing secret or value: nothing sent, one line saying which", async () => {
    const noSecret = await run({ secrets: {} });
    assert.equal(noSecret.sent, false);
    assert.match(noSecret.error!, /secret "shop_token"/);
    const noValue = await run({ values: {} });
    assert.equal(noValue.sent, false);
    assert.match(noValue.error!, /fields/);
    assert.equal(server.requests.length, 0);
  });

  it("a 200 with an empty body: no fields and the note that saves would be skipped", async () => {
    answer(200, "");
    const result = await run();
    assert.equal(result.branch, "success");
    assert.deepEqual(result.fields, []);
    assert.match(result.emptyBodyNote!, /saved variables would be skipped/);
  });

  it("honours cancellation: the request is aborted and answered as cancelled", async () => {
    answer(200, {}, 10_000);
    const source = new CancellationTokenSource();
    const params: RunTestCallParams = { uri: URI, step: "lookup", values: { fields: "x" }, secrets: { "secret:shop_token": TOKEN }, timeoutMs: 20_000, caCertificates: [ca] };
    const pending = client.connection.sendRequest(RUN_TEST_CALL_REQUEST, params, source.token);
    await server.nextRequest();
    const started = Date.now();
    source.cancel();
    await assert.rejects(pending, (e: { code?: number }) => e.code === -32800);
    assert.ok(Date.now() - started < 5000);
  });

  it("saveLinesEdit: one edit with the chosen save lines and the typed test values", async () => {
    answer(200, { order: { id: 1001, status: "shipped" }, items: [{ sku: "A1" }] });
    await run();
    const edit = await client.request<SaveLinesEditResult>(SAVE_LINES_EDIT_REQUEST, { uri: URI, step: "lookup", paths: ["order.id", "items[0].sku"], tests: { fields: "id,status" } });
    assert.equal(edit.version, 1);
    assert.equal(edit.edits.length, 1);
    assert.deepEqual(edit.lines, ["save id = order.id", "save sku = items[0].sku", 'test fields = "id,status"']);
    const text = applyLsp(FLOW(server.origin), edit.edits);
    assert.ok(text.includes(`  save status = order.status\n  save id = order.id\n  save sku = items[0].sku\n  test order_number = "1001"\n  test fields = "id,status"\n  on success {`), text);
  });

  it("saveLinesEdit refuses fields of a failed call and unknown paths, in one line", async () => {
    answer(500, { error: "boom" });
    await run();
    await assert.rejects(client.request(SAVE_LINES_EDIT_REQUEST, { uri: URI, step: "lookup", paths: ["error"] }), /failure branch/);
    answer(200, { a: 1 });
    await run();
    await assert.rejects(client.request(SAVE_LINES_EDIT_REQUEST, { uri: URI, step: "lookup", paths: ["b"] }), /no field b/);
  });
});

function applyLsp(text: string, edits: SaveLinesEditResult["edits"]): string {
  const lines = text.split("\n");
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  let out = text;
  for (const e of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) {
    out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  }
  return out;
}
