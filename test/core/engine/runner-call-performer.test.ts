import { strict as assert } from "node:assert";
import { analyze } from "../../../server/src/core/analyze";
import { undiciHttp } from "../../../server/src/runtime/node-runtime";
import { runnerCallPerformer } from "../../../server/src/core/engine/runner-call-performer";
import type { CallStep } from "../../../server/src/core/syntax/ast";
import { testCertificate } from "../../helpers/certificates";
import { header, startHttpsServer, type TestServer } from "../../helpers/https-server";

const TOKEN = "tok-runner-performer-secret";

describe("engine: the runner call performer", () => {
  let server: TestServer;
  let ca: string;
  before(async () => {
    server = await startHttpsServer();
    ca = (await testCertificate()).cert;
  });
  after(() => server.close());

  function setup(extra = "", env: Record<string, string> = { TOKEN }) {
    const text = `connection api {\n  bearer env TOKEN\n  domain "127.0.0.1"\n}\ncall c {\n  GET ${server.origin}/people/{{id}}?q={{q}}\n  connection api\n  ${extra}\n  test id = "999"\n}\n`;
    const { ast } = analyze(text);
    const step = ast.steps[0] as CallStep;
    const perform = runnerCallPerformer({ file: ast, resolveSecret: async (s) => (s.kind === "env" ? env[s.name] : undefined), call: { http: undiciHttp, extraCaPem: [ca], timeoutMs: 5000 } });
    return { step, perform };
  }

  it("sends the conversation's values (not the test lines) and returns the parsed body", async () => {
    server.respond = (_req, res) => {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ name: "Ada" }));
    };
    const { step, perform } = setup();
    const outcome = await perform(step, new Map([["id", "7"], ["q", "a b&c"]]));
    const request = server.requests.at(-1)!;
    assert.equal(request.target, "/people/7?q=a%20b%26c");
    assert.equal(header(request, "authorization"), `Bearer ${TOKEN}`);
    assert.equal(outcome.branch, "success");
    assert.equal(outcome.status, 200);
    assert.deepEqual(outcome.json, { value: { name: "Ada" } });
    assert.equal(outcome.source, "network");
    assert.equal(outcome.request, `GET ${server.origin}/people/7?q=a%20b%26c`);
    assert.equal(outcome.reason, undefined);
  });

  it("redacts a secret the server echoes back", async () => {
    server.respond = (req, res) => res.end(JSON.stringify({ echo: header(req, "authorization") }));
    const { step, perform } = setup();
    const outcome = await perform(step, new Map([["id", "7"], ["q", "x"]]));
    assert.deepEqual(outcome.json, { value: { echo: "Bearer ••••" } });
    assert.ok(!JSON.stringify(outcome).includes(TOKEN));
  });

  it("takes the failure branch on a 404, with the status as the reason", async () => {
    server.respond = (_req, res) => {
      res.statusCode = 404;
      res.end("{}");
    };
    const { step, perform } = setup();
    const outcome = await perform(step, new Map([["id", "7"], ["q", "x"]]));
    assert.equal(outcome.branch, "failure");
    assert.equal(outcome.status, 404);
    assert.equal(outcome.reason, undefined);
  });

  it("does not send a request it cannot build, and says why", async () => {
    const before = server.requests.length;
    const { step, perform } = setup("", {});
    const missingSecret = await perform(step, new Map([["id", "7"], ["q", "x"]]));
    assert.equal(missingSecret.branch, "failure");
    assert.equal(missingSecret.reason, "not sent: Connection api needs environment variable TOKEN, which is not set");
    const withSecret = setup();
    const unset = await withSecret.perform(withSecret.step, new Map([["q", "x"]]));
    assert.equal(unset.reason, "not sent: {{id}} has no value at this point of the conversation");
    assert.equal(server.requests.length, before);
  });
});
