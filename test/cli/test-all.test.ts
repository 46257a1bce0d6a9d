// `botflow test FILE STEP --record` and `botflow test FILE... --all` against
// a real HTTPS server on 127.0.0.1 whose responses change shape between
// runs. The API echoes the bearer token back: it must never reach a sample
// file, the output or the JUnit report.

import assert from "node:assert/strict";
import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { testCommand } from "../../server/src/cli/commands/test";
import type { CliIo } from "../../server/src/cli/io";
import { testCertificate } from "../helpers/certificates";
import { header, startHttpsServer, type TestServer } from "../helpers/https-server";
import { tempDir, type TempDir } from "../helpers/temp-dir";

const TOKEN = "tok-Echoed-7f3a9b1c5d";

const FLOW = `connection shop {
  bearer env SHOP_TOKEN
}
call lookup_order "Look up order" {
  GET ORIGIN/orders/1001
  connection shop
  save status = order.status
  save total = order.total
  on success {
    say "{{status}} {{total}}"
  }
  on failure {
    handoff
  }
}
ask email "Your email?"
call find_customer {
  GET ORIGIN/customers/{{email}}
  connection shop
  save customer_name = customer.name
  on success {
    say "{{customer_name}}"
  }
}
`;

describe("cli: botflow test --record and --all", function () {
  this.timeout(20_000);
  let server: TestServer;
  let dir: TempDir;
  /** what the API answers for /orders/…: the test changes it between runs */
  let order: unknown;
  let status = 200;

  beforeEach(async () => {
    dir = await tempDir("botflow-test-all-");
    await writeFile(join(dir.path, "ca.pem"), (await testCertificate()).cert);
    server = await startHttpsServer();
    order = { order: { status: "shipped", total: 12.5 } };
    status = 200;
    server.respond = (req, res) => {
      res.writeHead(status, { "content-type": "application/json", "x-echo": header(req, "authorization") ?? "" });
      // the API echoes the caller's token in the body too
      res.end(JSON.stringify({ ...(order as object), echo: header(req, "authorization") }));
    };
    await writeFile(join(dir.path, "shop.flow"), FLOW.replaceAll("ORIGIN", server.origin));
  });
  afterEach(async () => {
    await server.close();
    await dir.remove();
  });

  async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = "";
    let stderr = "";
    const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd: dir.path, env: { SHOP_TOKEN: TOKEN }, isTty: false };
    const code = await testCommand([...args, "--ca", "ca.pem"], io);
    assert.ok(!(stdout + stderr).includes(TOKEN), `the token leaked into the output:\n${stdout}${stderr}`);
    return { code, stdout, stderr };
  }

  const samplePath = (step: string) => join(dir.path, ".botflow", "samples", "shop", `${step}.json`);

  it("--record writes the sample with the echoed token masked, atomically (no temporary file left)", async () => {
    const { code, stdout } = await run(["shop.flow", "lookup_order", "--record"]);
    assert.equal(code, 0);
    assert.match(stdout, /^Sample recorded: \.botflow\/samples\/shop\/lookup_order\.json$/m);
    const text = await readFile(samplePath("lookup_order"), "utf8");
    assert.ok(!text.includes(TOKEN), text);
    const sample = JSON.parse(text);
    assert.equal(sample.status, 200);
    assert.equal(sample.statusText, "OK");
    assert.deepEqual(sample.body, { order: { status: "shipped", total: 12.5 }, echo: "Bearer ••••" });
    assert.equal(sample.headers["x-echo"], "Bearer ••••");
    assert.match(sample.recorded, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    assert.deepEqual(await readdir(join(dir.path, ".botflow", "samples", "shop")), ["lookup_order.json"]);
  });

  it("--record keeps a 2xx sample when the response is an error, and never overwrites a broken file", async () => {
    await run(["shop.flow", "lookup_order", "--record"]);
    const before = await readFile(samplePath("lookup_order"), "utf8");
    status = 500;
    const failed = await run(["shop.flow", "lookup_order", "--record", "--json"]);
    assert.equal(failed.code, 3);
    assert.match(JSON.parse(failed.stdout).sample.notRecorded, /the response is 500: the 200 sample is kept/);
    assert.equal(await readFile(samplePath("lookup_order"), "utf8"), before);

    await writeFile(samplePath("lookup_order"), "{ half a sample");
    status = 200;
    const broken = await run(["shop.flow", "lookup_order", "--record"]);
    assert.equal(broken.code, 0);
    assert.match(broken.stderr, /sample not recorded: \.botflow\/samples\/shop\/lookup_order\.json is not a valid sample \(it is not valid JSON/);
    assert.equal(await readFile(samplePath("lookup_order"), "utf8"), "{ half a sample");
  });

  it("--record of a response that is not JSON keeps its status and says why no path can be checked", async () => {
    server.respond = (req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      res.end(`hello ${header(req, "authorization")}`);
    };
    assert.equal((await run(["shop.flow", "lookup_order", "--record"])).code, 0);
    const text = await readFile(samplePath("lookup_order"), "utf8");
    assert.ok(!text.includes(TOKEN), text);
    const sample = JSON.parse(text);
    assert.equal(sample.status, 200);
    assert.equal(sample.body, undefined);
    assert.equal(sample.reason, "the response is not JSON");
  });

  it("--all: exit 0 while the API matches, drift lines in check's format and exit 4 once it changes shape, the unsendable step skipped", async () => {
    const first = await run(["shop.flow", "--all", "--record"]);
    assert.equal(first.code, 0, first.stdout + first.stderr);
    assert.match(first.stdout, /^shop\.flow:4:6: note: lookup_order: no sample to compare with \(record one with --record\)$/m);
    assert.match(first.stdout, /^shop\.flow:4:6: recorded lookup_order: \.botflow\/samples\/shop\/lookup_order\.json$/m);
    assert.match(first.stdout, /^shop\.flow:17:6: skipped find_customer: No test value for \{\{email\}\}/m);
    assert.match(first.stderr, /^2 steps in 1 file: 1 passed, 0 drift, 0 failed, 1 skipped$/m);
    assert.ok(!(await readFile(samplePath("lookup_order"), "utf8")).includes(TOKEN));

    const same = await run(["shop.flow", "--all"]);
    assert.equal(same.code, 0, same.stdout);
    assert.doesNotMatch(same.stdout, /error/);

    // new fields and changed values are not drift
    order = { order: { status: "delivered", total: 99, carrier: "DHL" } };
    assert.equal((await run(["shop.flow", "--all"])).code, 0);

    order = { order: { state: "shipped", total: "12.50" } };
    const drift = await run(["shop.flow", "--all", "--junit", "report.xml"]);
    assert.equal(drift.code, 4);
    const lines = drift.stdout.split("\n").filter((l) => l.includes("response-drift"));
    assert.deepEqual(lines, [
      "shop.flow:7:17: error response-drift: lookup_order: order.status is gone from the response (saved as status)",
      "shop.flow:8:16: error response-drift: lookup_order: order.total is a string in the response, the sample's is a number (saved as total)",
    ]);

    const xml = await readFile(join(dir.path, "report.xml"), "utf8");
    assert.ok(!xml.includes(TOKEN));
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(xml);
    const suite = parsed.testsuites.testsuite;
    assert.equal(parsed.testsuites.tests, "2");
    assert.equal(parsed.testsuites.failures, "1");
    assert.equal(parsed.testsuites.skipped, "1");
    assert.equal(suite.name, "shop.flow");
    const [lookup, customer] = suite.testcase;
    assert.equal(lookup.name, "lookup_order");
    assert.equal(lookup.classname, "shop.flow");
    assert.equal(lookup.failure.type, "response-drift");
    assert.equal(lookup.failure.message, "lookup_order: order.status is gone from the response (saved as status) (and 1 more)");
    assert.equal(lookup.failure["#text"], lines.join("\n"));
    assert.equal(customer.name, "find_customer");
    assert.match(customer.skipped.message, /^No test value for \{\{email\}\}/);
  });

  it("--all: a status that left 2xx is drift; a failure with no sample exits 3; --json gives one document", async () => {
    await run(["shop.flow", "lookup_order", "--record"]);
    status = 503;
    const drift = await run(["shop.flow", "--all", "--json"]);
    assert.equal(drift.code, 4);
    // stdout is the one JSON document, nothing else
    const doc = JSON.parse(drift.stdout);
    assert.equal(doc.exitCode, 4);
    const [lookup, customer] = doc.files[0].steps;
    assert.equal(lookup.result, "drift");
    assert.equal(lookup.diagnostics[0].message, "lookup_order: the response status is 503, the sample's was 200 (the call now takes the failure branch)");
    assert.equal(customer.result, "skipped");

    await dir.remove();
    await mkdir(dir.path, { recursive: true });
    await writeFile(join(dir.path, "ca.pem"), (await testCertificate()).cert);
    await writeFile(join(dir.path, "shop.flow"), FLOW.replaceAll("ORIGIN", server.origin));
    const failed = await run(["shop.flow", "--all"]);
    assert.equal(failed.code, 3);
    assert.match(failed.stdout, /^shop\.flow:4:6: error failure-branch: lookup_order: HTTP 503: The server answered 503 Service Unavailable$/m);
  });

  it("--all: a flow with errors is reported as check does and not sent (exit 1); usage errors exit 2", async () => {
    await writeFile(join(dir.path, "broken.flow"), FLOW.replaceAll("ORIGIN", server.origin).replace("goto", "").replace("connection shop\n  save status", "connection nowhere\n  save status"));
    const broken = await run(["broken.flow", "--all"]);
    assert.equal(broken.code, 1);
    assert.match(broken.stdout, /^broken\.flow:\d+:\d+: error [a-z-]+: /m);
    assert.match(broken.stdout, /^broken\.flow: not sent: the file has \d+ errors?$/m);
    assert.equal(server.requests.length, 0);
    assert.equal((await run(["--all"])).code, 2);
    assert.equal((await run(["shop.flow", "--all", "--var", "a=b"])).code, 2);
    assert.equal((await run(["missing.flow", "--all"])).code, 2);
  });
});
