// `botflow test` as a whole process, one HTTPS call, against a `node` process
// that makes the same request with undici, in the same run (target ≤ 1.2×;
// reference: httpyac ≈ 2×). Both go to one loopback HTTPS server run by this
// process, trusting its self-signed certificate on top of the system roots
// (what `--ca` does): (a) node bin/botflow.js test FILE lookup --ca CERT, with
// the production bundle; (b) node ref.mjs, an undici GET through an Agent
// with that CA, body read as JSON. Alternating, medians; `node -e 0` (process
// start alone) for scale.
// Measures the production bundles in dist/ (bench/production-build.ts), with
// the code caches `npm ci` makes.
// Run: node bench/run.mjs bench/test-call-process.ts [runs]

import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { ROOT } from "../test/helpers/lsp-client";
import { startHttpsServer } from "../test/helpers/https-server";
import { testCertificate } from "../test/helpers/certificates";
import { buildProduction } from "./production-build";
import { fmt, median } from "./stats";

const RUNS = Math.max(1, Math.min(100, Number(process.argv[2] ?? 25)));
const WARMUP = 2;
const BODY = JSON.stringify({ order: { id: 1001, status: "shipped", customer: { first_name: "Ann" }, items: [{ sku: "A-1", qty: 2 }] } });

/** Runs `node ...args` to its end, without blocking this process's event loop (it serves the requests); ms taken. */
function timeProcess(args: string[], expectedExit = 0): Promise<number> {
  return new Promise((done, fail) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", fail);
    child.on("close", (code) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (code !== expectedExit) fail(new Error(`node ${args.join(" ")} exited ${code}, expected ${expectedExit}\n${stderr}`));
      else done(ms);
    });
  });
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "botflow-bench-"));
  const server = await startHttpsServer();
  try {
    buildProduction();
    const cli = resolve(ROOT, "bin/botflow.js");
    const bundleKiB = statSync(resolve(ROOT, "dist/cli-test.js")).size / 1024;

    const { cert } = await testCertificate();
    const certFile = join(dir, "ca.pem");
    writeFileSync(certFile, cert);
    server.respond = (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(BODY);
    };
    const flowFile = join(dir, "orders.flow");
    writeFileSync(flowFile, [
      'flow "Bench"',
      "",
      'call lookup "Look up order" {',
      `  GET ${server.origin}/orders/{{id}}`,
      '  header "Accept" "application/json"',
      "  save order_status = order.status",
      "  save first_name = order.customer.first_name",
      '  test id = "1001"',
      "  on success {",
      '    say "Order {{id}} is {{order_status}}, {{first_name}}."',
      "  }",
      "  on failure {",
      '    say "Sorry."',
      "  }",
      "}",
      "",
    ].join("\n"));
    const refFile = join(dir, "ref.mjs");
    const undici = resolve(ROOT, "node_modules/undici/index.js");
    writeFileSync(refFile, [
      `import { readFileSync } from "node:fs";`,
      `import { rootCertificates } from "node:tls";`,
      `import { Agent, request } from ${JSON.stringify(undici)};`,
      `const ca = readFileSync(${JSON.stringify(certFile)}, "utf8");`,
      `const agent = new Agent({ connect: { ca: [...rootCertificates, ca] } });`,
      `const res = await request(${JSON.stringify(`${server.origin}/orders/1001`)}, { headers: { accept: "application/json" }, dispatcher: agent });`,
      `const body = await res.body.json();`,
      `await agent.destroy();`,
      `if (res.statusCode !== 200 || body.order.status !== "shipped") process.exit(1);`,
      `console.log(res.statusCode, body.order.status);`,
      "",
    ].join("\n"));

    const botflow = [cli, "test", flowFile, "lookup", "--ca", certFile];
    const reference = [refFile];
    const bare = ["-e", "0"];
    const times = { botflow: [] as number[], reference: [] as number[], bare: [] as number[] };
    for (let i = 0; i < WARMUP + RUNS; i++) {
      // Alternate which goes first, so neither always follows the other.
      const order = (i % 2 === 0 ? ["botflow", "reference", "bare"] : ["reference", "botflow", "bare"]) as (keyof typeof times)[];
      for (const name of order) {
        const ms = await timeProcess(name === "botflow" ? botflow : name === "reference" ? reference : bare);
        if (i >= WARMUP) times[name].push(ms);
      }
    }
    const requests = server.requests.length;
    const wrong = server.requests.filter((r) => r.method !== "GET" || r.target !== "/orders/1001").length;

    const a = median(times.botflow);
    const b = median(times.reference);
    const c = median(times.bare);
    // Each round's two runs are neighbours in time: their ratio shrugs off the machine's drift.
    const paired = median(times.botflow.map((ms, i) => ms / times.reference[i]));
    console.log(`one HTTPS GET over loopback as a whole process, median of ${RUNS} runs each (after ${WARMUP} warm-up), ${requests} requests served${wrong ? `, ${wrong} of them NOT GET /orders/1001` : ""}:`);
    console.log(`  (a) botflow test FILE lookup --ca CERT (production bundle, cli-test.js ${bundleKiB.toFixed(0)} KiB)`.padEnd(82) + fmt(a).padStart(10));
    console.log(`  (b) node ref.mjs: undici.request, Agent with the CA, body as JSON`.padEnd(82) + fmt(b).padStart(10));
    console.log(`  node -e 0 (process start alone)`.padEnd(82) + fmt(c).padStart(10));
    console.log(`ratio (a)/(b): ${(a / b).toFixed(2)}×   target ≤ 1.2×: ${a / b <= 1.2 ? "met" : "NOT met"}   (reference: httpyac ≈ 2×)`);
    console.log(`median of the rounds' own (a)/(b): ${paired.toFixed(2)}×   above process start: (a) ${fmt(a - c)}, (b) ${fmt(b - c)}`);
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
