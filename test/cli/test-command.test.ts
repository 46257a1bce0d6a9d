import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { testCommand } from "../../server/src/cli/commands/test";
import type { CliIo } from "../../server/src/cli/io";
import { header, startHttpsServer, type TestServer } from "../helpers/https-server";
import { testCertificate } from "../helpers/certificates";

const TOKEN = `secret-token-${"Zq9".repeat(50)}`;
const STORED = "stored-secret-value";

let server: TestServer;
let dir: string;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), "botflow-test-cmd-"));
  await writeFile(join(dir, "ca.pem"), (await testCertificate()).cert);
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  server = await startHttpsServer();
});
afterEach(async () => {
  await server.close();
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(args: string[], env: Record<string, string> = { SHOP_TOKEN: TOKEN }): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd: dir, env, isTty: false };
  const code = await testCommand(args, io);
  const all = stdout + stderr;
  for (const secret of [TOKEN, STORED]) assert.ok(!all.includes(secret), `a secret leaked into the output:\n${all}`);
  return { code, stdout, stderr };
}

async function flowFile(body: string, name = "shop.flow"): Promise<string> {
  await writeFile(join(dir, name), body.replaceAll("ORIGIN", server.origin));
  return name;
}

const SHOP = `connection shop {
  bearer env SHOP_TOKEN
}
ask order_number "Order number?"
call lookup "Look up order" {
  GET ORIGIN/orders/{{order_number}}?fields={{fields}}
  connection shop
  header "Accept" "application/json"
  test order_number = "1001"
  test fields = "id,status"
  on success {
    say "ok"
  }
  on failure {
    handoff
  }
}
`;

function answer(status: number, body: unknown) {
  server.respond = (_req, res) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };
}

describe("cli: botflow test", () => {
  it("prints the redacted request, the response and the fields, exit 0 on success", async () => {
    answer(200, { order: { id: 1001, status: "shipped", "tracking-no": "Z9" } });
    const file = await flowFile(SHOP);
    const { code, stdout } = await run([file, "lookup", "--ca", "ca.pem", "--var", "fields=a&b"]);
    assert.equal(code, 0);
    const received = await server.nextRequest();
    assert.equal(received.target, "/orders/1001?fields=a%26b");
    assert.equal(header(received, "authorization"), `Bearer ${TOKEN}`);
    assert.ok(stdout.startsWith(`GET ${server.origin}/orders/1001?fields=a%26b\nAccept: application/json\nAuthorization: Bearer ••••\n`), stdout);
    assert.match(stdout, /^200 OK in \d+ ms → on success$/m);
    assert.match(stdout, /^ {2}order\.tracking-no +string +"Z9" +tracking_no$/m);
    assert.match(stdout, /^ {2}order\.id +number +1001 +id$/m);
  });

  it("prints one JSON document with --json", async () => {
    answer(200, { order: { id: 1001 } });
    const file = await flowFile(SHOP);
    const { code, stdout } = await run([file, "lookup", "--ca", "ca.pem", "--json"]);
    assert.equal(code, 0);
    const doc = JSON.parse(stdout);
    assert.deepEqual(doc.request, { method: "GET", url: `${server.origin}/orders/1001?fields=id%2Cstatus`, headers: [["Accept", "application/json"], ["Authorization", "Bearer ••••"]] });
    assert.equal(doc.response.status, 200);
    assert.equal(doc.response.body, `{"order":{"id":1001}}`);
    assert.equal(typeof doc.response.timeMs, "number");
    assert.ok(doc.response.headers.some(([name]: [string]) => name === "content-type"));
    assert.equal(doc.branch, "success");
    assert.equal(doc.error, null);
    assert.deepEqual(doc.fields, [
      { path: "order", value: "{1 key}", type: "object", name: "order" },
      { path: "order.id", value: "1001", type: "number", name: "id" },
    ]);
  });

  it("exits 3 on the failure branch, with the reason", async () => {
    answer(404, { error: "no such order" });
    const file = await flowFile(SHOP);
    const text = await run([file, "lookup", "--ca", "ca.pem"]);
    assert.equal(text.code, 3);
    assert.match(text.stdout, /^404 Not Found in \d+ ms → on failure$/m);
    assert.match(text.stdout, /^✗ The server answered 404 Not Found$/m);
    const json = await run([file, "lookup", "--ca", "ca.pem", "--json"]);
    assert.equal(json.code, 3);
    const doc = JSON.parse(json.stdout);
    assert.equal(doc.branch, "failure");
    assert.equal(doc.error, "The server answered 404 Not Found");
    assert.deepEqual(doc.fields, []);
  });

  it("exits 3 on a timeout and on a certificate it does not trust", async () => {
    server.respond = () => undefined;
    const file = await flowFile(SHOP);
    const slow = await run([file, "lookup", "--ca", "ca.pem", "--timeout", "300", "--json"]);
    assert.equal(slow.code, 3);
    assert.equal(JSON.parse(slow.stdout).error, "No complete answer within 300 ms (timeout)");
    const untrusted = await run([file, "lookup", "--json"]);
    assert.equal(untrusted.code, 3);
    assert.match(JSON.parse(untrusted.stdout).error, /^TLS error with 127\.0\.0\.1/);
  });

  it("exits 1 with file:line:col reasons when the step cannot be sent", async () => {
    const file = await flowFile(SHOP.replace("  test fields = \"id,status\"\n", ""));
    const { code, stdout, stderr } = await run([file, "lookup", "--ca", "ca.pem"]);
    assert.equal(code, 1);
    assert.equal(stdout, "");
    assert.equal(stderr, `${file}:6:62: No test value for {{fields}}: add test fields = "..." to the step or pass --var fields=VALUE\nbotflow test: lookup cannot be sent\n`);
    assert.equal(server.requests.length, 0);
  });

  it("exits 1 naming a missing secret's source, never its value", async () => {
    const file = await flowFile(SHOP.replace("bearer env SHOP_TOKEN", "bearer secret \"shop-key\""));
    const missing = await run([file, "lookup", "--ca", "ca.pem"], {});
    assert.equal(missing.code, 1);
    assert.equal(missing.stderr.split("\n")[0], `${file}:2:10: Connection shop needs secret "shop-key", which is not set: from the command line, set the environment variable SHOP-KEY`);
    answer(200, {});
    const found = await run([file, "lookup", "--ca", "ca.pem"], { "SHOP-KEY": STORED });
    assert.equal(found.code, 0);
    assert.equal(header(await server.nextRequest(), "authorization"), `Bearer ${STORED}`);
  });

  it("exits 1 listing the step's errors from the analysis", async () => {
    const file = await flowFile(SHOP.replace("GET ORIGIN/orders", "GET https://{{order_number}}.example/orders"));
    const { code, stderr } = await run([file, "lookup"]);
    assert.equal(code, 1);
    assert.match(stderr, /^shop\.flow:6:15: error var-in-domain: /m);
    assert.match(stderr, /lookup cannot be sent until this error is fixed\n$/);
  });

  it("exits 2 on usage errors, with a one-line reason", async () => {
    const file = await flowFile(SHOP);
    const cases: [string[], RegExp][] = [
      [[], /expected FILE and STEP/],
      [[file, "nope"], /has no call step named nope \(call steps: lookup\)/],
      [[file, "lookup", "--timeout", "soon"], /--timeout needs a positive number/],
      [[file, "lookup", "--var", "novalue"], /--var needs NAME=VALUE/],
      [[file, "lookup", "--bogus"], /Unknown option '--bogus'/],
      [["missing.flow", "lookup"], /cannot read missing\.flow: ENOENT/],
      [[file, "lookup", "--ca", "shop.flow"], /--ca shop\.flow holds no PEM certificate/],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = await run(args);
      assert.equal(code, 2, args.join(" "));
      assert.match(stderr, message);
      assert.equal(stderr.trim().split("\n").length, 1, stderr);
    }
  });
});

describe("cli: botflow test --insert", () => {
  const ORDER = { order: { id: 1001, status: "shipped", customer: { "first-name": "Ann" }, lines: [{ sku: "A-1" }] } };

  it("writes the chosen save lines into the file, as the editor would", async () => {
    answer(200, ORDER);
    const file = await flowFile(SHOP);
    const { code, stdout } = await run([file, "lookup", "--ca", "ca.pem", "--insert", "order.status", "--insert", "order.lines[0].sku"]);
    assert.equal(code, 0);
    assert.match(stdout, /Inserted into shop\.flow:\n {2}save status = order\.status\n {2}save sku = order\.lines\[0\]\.sku\n$/);
    const written = await readFile(join(dir, file), "utf8");
    assert.equal(written, SHOP.replaceAll("ORIGIN", server.origin).replace(
      "  header \"Accept\" \"application/json\"\n",
      "  header \"Accept\" \"application/json\"\n  save status = order.status\n  save sku = order.lines[0].sku\n",
    ));
  });

  it("inserts every value field with --insert-all, and refuses past eight saves", async () => {
    answer(200, ORDER);
    const file = await flowFile(SHOP);
    const all = await run([file, "lookup", "--ca", "ca.pem", "--insert-all", "--json"]);
    assert.equal(all.code, 0);
    assert.deepEqual(JSON.parse(all.stdout).inserted, ["save id = order.id", "save status = order.status", "save first_name = order.customer.first-name", "save sku = order.lines[0].sku"]);

    answer(200, Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`extra${i}`, i])));
    const before = await readFile(join(dir, file), "utf8");
    const tooMany = await run([file, "lookup", "--ca", "ca.pem", "--insert-all"]);
    assert.equal(tooMany.code, 1);
    assert.match(tooMany.stderr, /nothing inserted: 6 value fields, but lookup can take 4 more saves \(at most 8\)/);
    assert.equal(await readFile(join(dir, file), "utf8"), before);

    const some = await run([file, "lookup", "--ca", "ca.pem", "--insert", "extra0", "--insert", "extra1", "--insert", "extra2", "--insert", "extra3", "--insert", "extra4"]);
    assert.equal(some.code, 1);
    assert.match(some.stderr, /nothing inserted: A call step saves at most 8 fields: lookup has 4 already, so only 4 more can be added \(5 chosen\)/);
    const eighth = await run([file, "lookup", "--ca", "ca.pem", "--insert", "extra0", "--insert", "extra1", "--insert", "extra2", "--insert", "extra3"]);
    assert.equal(eighth.code, 0);
    assert.equal((await readFile(join(dir, file), "utf8")).match(/^ {2}save /gm)?.length, 8);
  });

  it("refuses an unknown path and a failed call", async () => {
    answer(200, ORDER);
    const file = await flowFile(SHOP);
    const unknown = await run([file, "lookup", "--ca", "ca.pem", "--insert", "order.nope"]);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /the response has no field order\.nope/);
    answer(500, ORDER);
    const failed = await run([file, "lookup", "--ca", "ca.pem", "--insert", "order.id"]);
    assert.equal(failed.code, 1);
    assert.match(failed.stderr, /the call took the failure branch/);
    assert.ok(!(await readFile(join(dir, file), "utf8")).includes("save "));
  });
});
