import assert from "node:assert/strict";
import { parse } from "../../../server/src/core/syntax/parse";
import { findCallStep, prepareTestRequest } from "../../../server/src/core/request/prepare-test-request";
import type { PreparedRequest } from "../../../server/src/core/request/prepared-request";
import { runTestCall, type TestCallOptions } from "../../../server/src/core/runner/test-call";
import { closedPort, failingLookup, header, loopbackLookup, startHttpsServer, type TestServer } from "../../helpers/https-server";
import { testCertificate } from "../../helpers/certificates";
import { undiciHttp } from "../../../server/src/runtime/node-runtime";
import { MAX_JSON_NESTING } from "../../../server/src/core/response/json-nesting";

const TOKEN = `tok_${"a1B2-c3D4_".repeat(409)}xy`; // 4,096 characters
const PASSWORD = "pw:with \"quotes\" & ünïcode";
const API_KEY = "key-0123456789";
const SECRETS: Record<string, string> = { TOKEN, PASSWORD, API_KEY };

let server: TestServer;
let ca: string;

before(async () => {
  ca = (await testCertificate()).cert;
});
beforeEach(async () => {
  server = await startHttpsServer();
});
afterEach(async () => {
  await server.close();
});

/** Builds step `s` of a flow whose URLs say ORIGIN for the test server's origin. */
async function prepare(flow: string, overrides: Record<string, string> = {}): Promise<PreparedRequest> {
  const { ast, diagnostics } = parse(flow.replaceAll("ORIGIN", server.origin));
  assert.deepEqual(diagnostics, []);
  const result = await prepareTestRequest(ast, findCallStep(ast, "s")!, { overrides, resolveSecret: async (s) => SECRETS[s.kind === "env" ? s.name : s.key] });
  assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
  return result.request;
}

const trusted = (extra: Partial<TestCallOptions> = {}): TestCallOptions => ({ http: undiciHttp, extraCaPem: [ca], ...extra });

function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return (_req: unknown, res: import("node:http").ServerResponse) => {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify(body));
  };
}

function assertNoSecret(value: unknown) {
  const text = JSON.stringify(value);
  for (const secret of [TOKEN, PASSWORD, API_KEY, Buffer.from(`agent:${PASSWORD}`).toString("base64")]) {
    assert.ok(!text.includes(secret), `a secret leaked into ${text.slice(0, 200)}…`);
  }
}

const BEARER = `connection c {\n  bearer env TOKEN\n}\n`;

describe("runner: what the server receives", () => {
  it("gets exact path and query bytes for hostile values", async () => {
    const cases: [string, string][] = [
      ["a/b", "/items/a%2Fb?q=a%2Fb"],
      ["x&admin=1", "/items/x%26admin%3D1?q=x%26admin%3D1"],
      ["#", "/items/%23?q=%23"],
      ["é漢", "/items/%C3%A9%E6%BC%A2?q=%C3%A9%E6%BC%A2"],
      ["", "/items/?q="],
    ];
    for (const [value, target] of cases) {
      const request = await prepare(`call s {\n  GET ORIGIN/items/{{v}}?q={{v}}\n}\n`, { v: value });
      const result = await runTestCall(request, trusted());
      assert.equal(result.outcome.branch, "success");
      assert.equal((await server.nextRequest()).target, target, JSON.stringify(value));
    }
    const request = await prepare(`call s {\n  GET ORIGIN/items?q={{v}}&next=1\n}\n`, { v: "../admin" });
    await runTestCall(request, trusted());
    assert.equal((await server.nextRequest()).target, "/items?q=..%2Fadmin&next=1");
  });

  it("gets the JSON body bytes with values escaped and typed", async () => {
    const values = { name: "O'Brien \"the\" \\ back\nslash", qty: "3", price: "9.5", note: "12abc" };
    const request = await prepare(`call s {\n  POST ORIGIN/orders\n  body {\n    "name": "{{name}}",\n    "qty": {{qty}},\n    "price": {{price}},\n    "note": {{note}}\n  }\n}\n`, values);
    await runTestCall(request, trusted());
    const received = await server.nextRequest();
    assert.equal(received.method, "POST");
    assert.equal(header(received, "content-type"), "application/json");
    assert.deepEqual(JSON.parse(received.body.toString("utf8")), { name: values.name, qty: 3, price: 9.5, note: "12abc" });
  });

  it("gets a 4,096-character bearer token whole", async () => {
    assert.equal(TOKEN.length, 4096);
    const result = await runTestCall(await prepare(`${BEARER}call s {\n  GET ORIGIN/me\n  connection c\n}\n`), trusted());
    assert.equal(header(await server.nextRequest(), "authorization"), `Bearer ${TOKEN}`);
    assert.deepEqual(result.request.headers, [["Authorization", "Bearer ••••"]]);
  });

  it("gets basic credentials encoded as base64 of user:password in UTF-8", async () => {
    const result = await runTestCall(await prepare(`connection c {\n  basic "agent" env PASSWORD\n}\ncall s {\n  GET ORIGIN/me\n  connection c\n}\n`), trusted());
    const value = header(await server.nextRequest(), "authorization")!;
    assert.match(value, /^Basic /);
    assert.equal(Buffer.from(value.slice(6), "base64").toString("utf8"), `agent:${PASSWORD}`);
    assert.deepEqual(result.request.headers, [["Authorization", "Basic ••••"]]);
  });

  it("gets an api_key header", async () => {
    const result = await runTestCall(await prepare(`connection c {\n  api_key "X-Api-Key" env API_KEY\n}\ncall s {\n  GET ORIGIN/me\n  connection c\n}\n`), trusted());
    assert.equal(header(await server.nextRequest(), "x-api-key"), API_KEY);
    assert.deepEqual(result.request.headers, [["X-Api-Key", "••••"]]);
  });

  it("gets non-ASCII header values as UTF-8 bytes", async () => {
    await runTestCall(await prepare(`call s {\n  GET ORIGIN/\n  header "X-Name" "{{v}}"\n}\n`, { v: "é漢" }), trusted());
    // Node reads header bytes as Latin-1: turn them back into the bytes received.
    assert.equal(Buffer.from(header(await server.nextRequest(), "x-name")!, "latin1").toString("utf8"), "é漢");
  });
});

describe("runner: outcomes", () => {
  it("takes the success branch on 2xx and parses the JSON body", async () => {
    server.respond = json(201, { id: 7 });
    const result = await runTestCall(await prepare(`call s {\n  POST ORIGIN/x\n  body {}\n}\n`), trusted());
    assert.deepEqual(result.outcome, { branch: "success", kind: "ok", reason: null });
    assert.equal(result.response?.status, 201);
    assert.deepEqual(result.response?.json, { value: { id: 7 } });
    assert.ok(result.timeMs >= 0);
  });

  for (const [status, text] of [[401, "Unauthorized"], [404, "Not Found"], [500, "Internal Server Error"]] as const) {
    it(`takes the failure branch on ${status}`, async () => {
      server.respond = json(status, { error: "nope" });
      const result = await runTestCall(await prepare(`call s {\n  GET ORIGIN/x\n}\n`), trusted());
      assert.deepEqual(result.outcome, { branch: "failure", kind: "status", reason: `The server answered ${status} ${text}` });
      assert.equal(result.response?.body, `{"error":"nope"}`);
    });
  }

  it("times out on a server that never answers", async () => {
    server.respond = () => undefined;
    const result = await runTestCall(await prepare(`call s {\n  GET ORIGIN/slow\n}\n`), trusted({ timeoutMs: 300 }));
    assert.deepEqual(result.outcome, { branch: "failure", kind: "timeout", reason: "No complete answer within 300 ms (timeout)" });
    assert.equal(result.response, null);
    assert.ok(result.timeMs >= 290 && result.timeMs < 5000, `took ${result.timeMs} ms`);
  });

  it("can be cancelled", async () => {
    server.respond = () => undefined;
    const controller = new AbortController();
    const running = runTestCall(await prepare(`call s {\n  GET ORIGIN/slow\n}\n`), trusted({ signal: controller.signal }));
    await server.nextRequest();
    controller.abort();
    assert.deepEqual((await running).outcome, { branch: "failure", kind: "cancelled", reason: "The test call was cancelled" });
  });

  it("is cancelled before sending by an already aborted signal", async () => {
    const result = await runTestCall(await prepare(`call s {\n  GET ORIGIN/x\n}\n`), trusted({ signal: AbortSignal.abort() }));
    assert.equal(result.outcome.kind, "cancelled");
  });

  it("reports an extra CA that is not a certificate instead of throwing", async () => {
    const result = await runTestCall(await prepare(`call s {\n  GET ORIGIN/x\n}\n`), { http: undiciHttp, extraCaPem: ["-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n"] });
    assert.equal(result.outcome.kind, "tls");
    assert.match(result.outcome.reason!, /^An extra CA certificate could not be read: a certificate is not valid PEM \(/);
    assert.equal(server.requests.length, 0);
  });

  it("reports a refused connection", async () => {
    const port = await closedPort();
    const request = await prepare(`call s {\n  GET https://127.0.0.1:${port}/x\n}\n`);
    const result = await runTestCall(request, trusted());
    assert.deepEqual(result.outcome, { branch: "failure", kind: "refused", reason: `Connection refused by 127.0.0.1:${port}: nothing is listening there` });
  });

  it("reports a certificate it does not trust, without secrets in the reason", async () => {
    const result = await runTestCall(await prepare(`${BEARER}call s {\n  GET ORIGIN/x\n  connection c\n}\n`), { http: undiciHttp });
    assert.equal(result.outcome.kind, "tls");
    assert.equal(result.outcome.branch, "failure");
    assert.match(result.outcome.reason!, /^TLS error with 127\.0\.0\.1: self[- ]signed certificate/);
    assert.equal(server.requests.length, 0);
    assertNoSecret(result);
  });

  it("reports a host that does not resolve", async () => {
    const request = await prepare(`call s {\n  GET https://nowhere.test:${server.port}/x\n}\n`);
    const result = await runTestCall(request, trusted({ lookup: failingLookup }));
    assert.deepEqual(result.outcome, { branch: "failure", kind: "dns", reason: "The host nowhere.test was not found (DNS lookup failed)" });
  });

  it("does not follow a redirect to http", async () => {
    server.respond = (_req, res) => {
      res.writeHead(302, { location: `http://127.0.0.1:${server.port}/plain` });
      res.end();
    };
    const result = await runTestCall(await prepare(`call s {\n  GET ORIGIN/x\n}\n`), trusted());
    assert.deepEqual(result.outcome, { branch: "failure", kind: "redirect-to-http", reason: `Redirect to http://127.0.0.1:${server.port}/plain not followed: only https is followed` });
    assert.equal(server.requests.length, 1);
  });

  it("keeps the success branch but flags a body that is not JSON", async () => {
    server.respond = (_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<h1>hi</h1>");
    };
    const result = await runTestCall(await prepare(`call s {\n  GET ORIGIN/x\n}\n`), trusted());
    assert.deepEqual(result.outcome, { branch: "success", kind: "not-json", reason: "The response is not JSON (text/html): saved variables would be skipped" });
    assert.equal(result.response?.body, "<h1>hi</h1>");
  });

  it("reads JSON nested as deep as Bot Flow reads, and says in one line why a deeper body is not read", async () => {
    const nested = (depth: number) => `${"[".repeat(depth - 1)}{"id": 1}${"]".repeat(depth - 1)}`;
    let body = nested(MAX_JSON_NESTING);
    server.respond = (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(body);
    };
    const request = await prepare(`call s {\n  GET ORIGIN/x\n}\n`);
    const deepest = await runTestCall(request, trusted());
    assert.deepEqual(deepest.outcome, { branch: "success", kind: "ok", reason: null });
    assert.ok(deepest.response?.json);
    // A hostile answer: JSON.parse reads it, JSON.stringify (the server's transport) and any recursive walk would overflow.
    body = nested(100_000);
    const result = await runTestCall(request, trusted());
    assert.deepEqual(result.outcome, { branch: "success", kind: "not-json", reason: `The response is JSON nested more than ${MAX_JSON_NESTING} levels deep, more than Bot Flow reads: saved variables would be skipped` });
    assert.equal(result.response?.json, undefined);
    assert.equal(result.response?.body, body);
    assert.doesNotThrow(() => JSON.stringify(result));
  });

  it("flags an empty 200", async () => {
    server.respond = (_req, res) => res.end();
    const result = await runTestCall(await prepare(`call s {\n  GET ORIGIN/x\n}\n`), trusted());
    assert.deepEqual(result.outcome, { branch: "success", kind: "empty-body", reason: "The response body is empty: saved variables would be skipped" });
  });

  it("cuts a body over the size cap and says so", async () => {
    const big = JSON.stringify({ data: "x".repeat(10_000) });
    server.respond = (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(big);
    };
    const result = await runTestCall(await prepare(`call s {\n  GET ORIGIN/x\n}\n`), trusted({ maxBodyBytes: 1024 }));
    assert.deepEqual(result.outcome, { branch: "success", kind: "too-large", reason: "The response is larger than 1 KB: only its start is shown and no fields are listed" });
    assert.equal(result.response?.bodyBytes, 1024);
    assert.equal(result.response?.truncated, true);
    assert.equal(result.response?.body, big.slice(0, 1024));
    assert.equal(result.response?.json, undefined);
  });
});

describe("runner: redirects and credentials", () => {
  function redirectOnce(status: number, location: string) {
    server.respond = (req, res) => {
      if (req.target === "/start") {
        res.writeHead(status, { location });
        res.end();
      } else json(200, { at: req.target })(req, res);
    };
  }

  it("follows an https redirect on the same host, credentials included", async () => {
    redirectOnce(302, "/next?x=1");
    const result = await runTestCall(await prepare(`${BEARER}call s {\n  GET ORIGIN/start\n  connection c\n}\n`), trusted());
    assert.equal(result.outcome.kind, "ok");
    assert.deepEqual(result.response?.json, { value: { at: "/next?x=1" } });
    const [, second] = server.requests;
    assert.equal(header(second, "authorization"), `Bearer ${TOKEN}`);
    assert.deepEqual(result.redirects, [{ status: 302, from: `${server.origin}/start`, to: `${server.origin}/next?x=1`, credentialsDropped: false }]);
  });

  it("never carries credentials to another host", async () => {
    redirectOnce(307, `https://other.test:${server.port}/landing`);
    const request = await prepare(`${BEARER}call s {\n  POST https://api.test:${server.port}/start\n  header "Cookie" "a=b"\n  header "X-Api-Key" "literal-key-1"\n  connection c\n  body {"k": 1}\n}\n`);
    const result = await runTestCall(request, trusted({ lookup: loopbackLookup }));
    assert.equal(result.outcome.kind, "ok");
    const [first, second] = server.requests;
    assert.equal(header(first, "authorization"), `Bearer ${TOKEN}`);
    assert.equal(header(second, "host"), `other.test:${server.port}`);
    assert.equal(header(second, "authorization"), undefined);
    assert.equal(header(second, "cookie"), undefined);
    assert.equal(header(second, "x-api-key"), undefined);
    // 307 keeps the method and the body.
    assert.equal(second.method, "POST");
    assert.equal(second.body.toString(), `{"k": 1}`);
    assert.equal(result.redirects[0].credentialsDropped, true);
  });

  it("carries credentials to another host inside the connection's domain", async () => {
    redirectOnce(303, `https://other.test:${server.port}/landing`);
    const request = await prepare(`connection c {\n  bearer env TOKEN\n  domain "api.test"\n  domain "other.test"\n}\ncall s {\n  POST https://api.test:${server.port}/start\n  connection c\n  body {"k": 1}\n}\n`);
    const result = await runTestCall(request, trusted({ lookup: loopbackLookup }));
    assert.equal(result.outcome.kind, "ok");
    const second = server.requests[1];
    assert.equal(header(second, "authorization"), `Bearer ${TOKEN}`);
    // 303 turns the call into a GET without a body.
    assert.equal(second.method, "GET");
    assert.equal(second.body.length, 0);
    assert.equal(header(second, "content-type"), undefined);
  });

  it("stops after five redirects", async () => {
    server.respond = (req, res) => {
      const n = Number(req.target.slice(1)) || 0;
      res.writeHead(302, { location: `/${n + 1}` });
      res.end();
    };
    const result = await runTestCall(await prepare(`call s {\n  GET ORIGIN/0\n}\n`), trusted());
    assert.equal(result.outcome.kind, "too-many-redirects");
    assert.equal(result.outcome.branch, "failure");
    assert.equal(server.requests.length, 6);
    assert.equal(result.redirects.length, 5);
  });

  it("scrubs a credential written literally in a header from what the server echoes", async () => {
    server.respond = (req, res) => json(200, { seen: header(req, "authorization") })(req, res);
    const result = await runTestCall(await prepare(`call s {\n  GET ORIGIN/echo\n  header "Authorization" "Bearer literal-token-123"\n}\n`), trusted());
    assert.deepEqual(result.request.headers, [["Authorization", "Bearer ••••"]]);
    assert.deepEqual(result.response?.json?.value, { seen: "Bearer ••••" });
  });

  it("keeps secrets out of the result even when the server echoes them", async () => {
    server.respond = (req, res) => {
      res.writeHead(200, { "content-type": "application/json", "x-echo": header(req, "authorization")!, "set-cookie": "sid=1" });
      res.end(JSON.stringify({ auth: header(req, "authorization"), [TOKEN]: TOKEN, url: `https://x/?t=${encodeURIComponent(TOKEN)}` }));
    };
    const result = await runTestCall(await prepare(`${BEARER}call s {\n  GET ORIGIN/echo\n  connection c\n}\n`), trusted());
    assert.equal(result.outcome.kind, "ok");
    assertNoSecret(result);
    assert.deepEqual(result.response?.json?.value, { auth: "Bearer ••••", "••••": "••••", url: "https://x/?t=••••" });
    assert.ok(result.response?.headers.some(([name, value]) => name === "x-echo" && value === "Bearer ••••"));
  });
});
