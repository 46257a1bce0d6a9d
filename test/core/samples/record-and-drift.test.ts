// The samples pieces against a real HTTPS server on 127.0.0.1 whose response
// changes shape between calls: record a sample from a real test call (the
// API echoes the token back), check save paths against it, then compare
// later responses with it. Phase 2 wires the same calls into
// `botflow test --record / --all`; this keeps the pieces honest meanwhile.

import { undiciHttp } from "../../../server/src/runtime/node-runtime";
import assert from "node:assert/strict";
import { analyze } from "../../../server/src/core/analyze";
import { findCallStep, prepareTestRequest } from "../../../server/src/core/request/prepare-test-request";
import { runTestCall } from "../../../server/src/core/runner/test-call";
import { recordSample } from "../../../server/src/core/samples/record-sample";
import { parseSample, type SampleLoad } from "../../../server/src/core/samples/sample";
import { judgeStep, type StepRun } from "../../../server/src/core/samples/judge-step";
import type { PreparedRequest } from "../../../server/src/core/request/prepared-request";
import { testCertificate } from "../../helpers/certificates";
import { header, startHttpsServer, type Responder, type TestServer } from "../../helpers/https-server";

const TOKEN = "tok-echoed-5a4b3c2d1e";

describe("samples against a real HTTPS server", () => {
  let server: TestServer;
  let ca: string;
  before(async () => {
    ca = (await testCertificate()).cert;
    server = await startHttpsServer();
  });
  after(async () => server?.close());

  const flow = () => `connection shop {
  bearer env SHOP_TOKEN
  domain "127.0.0.1"
}
call lookup_order {
  GET ${server.origin}/orders/{{id}}
  connection shop
  save status = order.status
  save total = order.total
  save sku = order.items[0].sku
  test id = "1001"
  on success {
    say "{{status}} {{total}} {{sku}}"
  }
}
`;

  const send = async (text: string): Promise<{ request: PreparedRequest; run: StepRun; result: Awaited<ReturnType<typeof runTestCall>> }> => {
    const { ast } = analyze(text);
    const built = await prepareTestRequest(ast, findCallStep(ast, "lookup_order")!, { resolveSecret: async () => TOKEN });
    assert.ok(built.ok);
    const result = await runTestCall(built.request, { http: undiciHttp, extraCaPem: [ca], timeoutMs: 5000 });
    const run: StepRun = {
      kind: "sent", branch: result.outcome.branch, timeMs: result.timeMs,
      ...(result.outcome.reason ? { reason: result.outcome.reason } : {}),
      ...(result.response ? { response: { status: result.response.status, ...(result.response.json ? { json: result.response.json } : {}) } } : {}),
    };
    return { request: built.request, run, result };
  };

  const answer = (status: number, body: unknown): Responder => (req, res) => {
    res.writeHead(status, { "content-type": "application/json", "x-echo": header(req, "authorization") ?? "" });
    res.end(JSON.stringify(body).replace("ECHO", header(req, "authorization") ?? ""));
  };

  it("records a sample from a real call with the echoed token masked, checks paths against it, then catches drift", async () => {
    server.respond = answer(200, { order: { status: "shipped", total: 12.5, items: [{ sku: "A-1" }], debug: "ECHO", [TOKEN]: 1 } });
    const text = flow();
    const first = await send(text);
    assert.equal(header(server.requests.at(-1)!, "authorization"), `Bearer ${TOKEN}`, "the token was really sent");
    const recorded = recordSample({ ...first.result.response!, reason: first.result.outcome.reason ?? undefined }, first.request.redactions, new Date("2026-12-02T07:00:00Z"));
    assert.ok(recorded.ok);
    assert.ok(!recorded.text.includes(TOKEN), `the token leaked into the sample:\n${recorded.text}`);
    assert.match(recorded.text, /"debug": "Bearer ••••"/);
    assert.match(recorded.text, /"x-echo": "Bearer ••••"/);

    // the sample as the shell would read it back from its file
    const load: SampleLoad = parseSample(recorded.text);
    const samples = new Map([["lookup_order", load]]);
    assert.deepEqual(analyze(text, undefined, { samples }).diagnostics.filter((d) => d.code === "save-path-missing"), []);
    const typo = analyze(text.replace("order.items[0].sku", "order.items[0].skuu"), undefined, { samples }).diagnostics.filter((d) => d.code === "save-path-missing");
    assert.deepEqual(typo.map((d) => d.message), ["order.items[0].skuu is not in the recorded sample of lookup_order: did you mean order.items[0].sku?"]);

    // the same shape again, new values and a new field: no drift
    server.respond = answer(200, { order: { status: "pending", total: 3, items: [{ sku: "B-2" }], added: true } });
    assert.deepEqual(judgeStep(findCallStep(analyze(text).ast, "lookup_order")!, load, (await send(text)).run), { kind: "passed" });

    // renamed and retyped fields: drift, one finding per saved path
    server.respond = answer(200, { order: { state: "shipped", total: "12.50", items: [{ sku: "A-1" }] } });
    const drifted = judgeStep(findCallStep(analyze(text).ast, "lookup_order")!, load, (await send(text)).run);
    assert.equal(drifted.kind, "drift");
    assert.deepEqual(drifted.kind === "drift" && drifted.diagnostics.map((d) => d.message), [
      "lookup_order: order.status is gone from the response (saved as status)",
      "lookup_order: order.total is a string in the response, the sample's is a number (saved as total)",
    ]);

    // the API now fails: the status left 2xx
    server.respond = answer(503, { error: "maintenance" });
    const failing = judgeStep(findCallStep(analyze(text).ast, "lookup_order")!, load, (await send(text)).run);
    assert.deepEqual(failing.kind === "drift" && failing.diagnostics.map((d) => d.message), ["lookup_order: the response status is 503, the sample's was 200 (the call now takes the failure branch)"]);
  });

  it("records a response that is not JSON with its status and the reason no path can be checked", async () => {
    server.respond = (_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<html>maintenance</html>");
    };
    const { result, request } = await send(flow());
    const recorded = recordSample({ ...result.response!, reason: result.outcome.reason ?? undefined }, request.redactions, new Date("2026-12-02T07:00:00Z"));
    assert.ok(recorded.ok);
    assert.equal(recorded.sample.status, 200);
    assert.equal(recorded.sample.json, undefined);
    assert.ok(recorded.sample.reason && recorded.sample.reason.length > 0, "a reason is kept");
    assert.equal(parseSample(recorded.text).ok, true);
  });
});
