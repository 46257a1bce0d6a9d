// `botflow test FILE --all` on a flow of 20 call steps against one loopback
// HTTPS server (each response compared with its recorded sample), next to
// its reference in the same run: 20 × `botflow test FILE STEP` one after
// another (what a CI script did before --all), and one `botflow test` for
// scale. Whole processes, the CLI as built in dist/ (bench/all.sh builds
// --production first; standalone, run `node build.mjs --production` before).
// Alternating, medians. Then a drift run on a small flow whose API changed
// shape, printed with its JUnit report (the closing note's example).
// Run: node bench/run.mjs bench/test-all.ts [runs]

import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { header, startHttpsServer } from "../test/helpers/https-server";
import { testCertificate } from "../test/helpers/certificates";
import { fmt, median } from "./stats";

const RUNS = Math.max(1, Math.min(50, Number(process.argv[2] ?? 5)));
const WARMUP = 1;
const STEPS = 20;
// From the working folder (bench/all.sh runs in the repo root), not from this module's URL: the bench
// bundle lives in .cache/, which a worktree may share with another checkout through a symlink.
const CLI = resolve(process.cwd(), "bin/botflow.js");

interface Ran {
  ms: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `node bin/botflow.js ...args` to its end, without blocking this process's event loop (it serves the requests). */
function botflow(args: string[], cwd: string, env: Record<string, string> = {}): Promise<Ran> {
  return new Promise((done, fail) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, [CLI, ...args], { cwd, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString("utf8")));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
    child.on("error", fail);
    child.on("close", (code) => done({ ms: Number(process.hrtime.bigint() - start) / 1e6, code, stdout, stderr }));
  });
}

function expect(ran: Ran, code: number, what: string): Ran {
  if (ran.code !== code) throw new Error(`${what} exited ${ran.code}, expected ${code}\n${ran.stdout}${ran.stderr}`);
  return ran;
}

function manySteps(origin: string): string {
  const steps = Array.from({ length: STEPS }, (_, i) =>
    [`call step_${i + 1} {`, `  GET ${origin}/orders/${1000 + i}`, "  save status = order.status", "  save total = order.total", "  on success {", '    say "{{status}} {{total}}"', "  }", "}"].join("\n"),
  );
  return `flow "Twenty calls"\n\n${steps.join("\n")}\n`;
}

const ORDER_FLOW = (origin: string) => `connection shop {
  bearer env SHOP_TOKEN
}
call lookup_order "Look up order" {
  GET ${origin}/orders/1001
  connection shop
  save status = order.status
  save total = order.total
  on success {
    say "{{status}} {{total}}"
  }
}
ask email "Your email?"
call find_customer {
  GET ${origin}/customers/{{email}}
  connection shop
  save customer_name = customer.name
  on success {
    say "{{customer_name}}"
  }
}
`;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "botflow-bench-all-"));
  const server = await startHttpsServer();
  try {
    writeFileSync(join(dir, "ca.pem"), (await testCertificate()).cert);
    let shape: "before" | "after" = "before";
    server.respond = (req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      const echo = header(req, "authorization");
      res.end(JSON.stringify(shape === "before" ? { order: { status: "shipped", total: 12.5 }, echo } : { order: { state: "shipped", total: "12.50" }, echo }));
    };
    writeFileSync(join(dir, "twenty.flow"), manySteps(server.origin));
    expect(await botflow(["test", "twenty.flow", "--all", "--record", "--ca", "ca.pem"], dir), 0, "recording");

    const all = ["test", "twenty.flow", "--all", "--ca", "ca.pem"];
    const times = { all: [] as number[], each: [] as number[], one: [] as number[] };
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const order = (i % 2 === 0 ? ["all", "each", "one"] : ["each", "all", "one"]) as (keyof typeof times)[];
      for (const name of order) {
        let ms = 0;
        if (name === "all") ms = expect(await botflow(all, dir), 0, "--all").ms;
        else if (name === "one") ms = expect(await botflow(["test", "twenty.flow", "step_1", "--ca", "ca.pem"], dir), 0, "one test").ms;
        else for (let s = 1; s <= STEPS; s++) ms += expect(await botflow(["test", "twenty.flow", `step_${s}`, "--ca", "ca.pem"], dir), 0, "each").ms;
        if (i >= WARMUP) times[name].push(ms);
      }
    }
    const a = median(times.all);
    const b = median(times.each);
    const c = median(times.one);
    console.log(`${STEPS} call steps over loopback HTTPS, whole processes, median of ${RUNS} runs (after ${WARMUP} warm-up), ${server.requests.length} requests served:`);
    console.log(`  (a) botflow test twenty.flow --all (20 sends, 20 sample comparisons)`.padEnd(78) + fmt(a).padStart(10));
    console.log(`  (b) 20 × botflow test twenty.flow step_N, one after another`.padEnd(78) + fmt(b).padStart(10));
    console.log(`  one botflow test twenty.flow step_1`.padEnd(78) + fmt(c).padStart(10));
    console.log(`ratio (a)/(b): ${(a / b).toFixed(2)}×   (a) per step: ${fmt(a / STEPS)}   (a) / one test: ${(a / c).toFixed(2)}×`);

    // The closing note's example: an API that changed shape, a step that cannot be sent.
    shape = "before";
    writeFileSync(join(dir, "order.flow"), ORDER_FLOW(server.origin));
    const token = { SHOP_TOKEN: "tok-bench-echoed-1a2b3c" };
    expect(await botflow(["test", "order.flow", "lookup_order", "--record", "--ca", "ca.pem"], dir, token), 0, "record");
    shape = "after";
    const drift = expect(await botflow(["test", "order.flow", "--all", "--junit", "report.xml", "--ca", "ca.pem"], dir, token), 4, "drift run");
    const junit = readFileSync(join(dir, "report.xml"), "utf8");
    const leaked = [drift.stdout, drift.stderr, junit, readFileSync(join(dir, ".botflow/samples/order/lookup_order.json"), "utf8")].some((t) => t.includes(token.SHOP_TOKEN));
    console.log(`\n$ botflow test order.flow --all --junit report.xml   (exit ${drift.code}; token in output, report or sample: ${leaked ? "YES" : "no"})`);
    console.log(`${drift.stdout}${drift.stderr}`.trimEnd());
    console.log(`\n$ cat report.xml\n${junit.trimEnd()}`);
    if (leaked) process.exitCode = 1;
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
