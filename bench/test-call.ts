// The core's test call against a raw undici request, both to the same
// loopback HTTPS server with the same extra CA, interleaved, warm. (a) is
// everything a "Run test call" click costs in the core: build the request,
// send it (fresh agent, redirect and size checks, redaction), list the
// fields. (b) is a bare undici.request through a fresh Agent with the same
// CA, as a naive caller would; (b2) a fresh Agent with the CA context built
// once, which is the same TLS work the core does (the fair baseline); (b')
// reuses one Agent and its connection, for scale only.
// Run: node bench/run.mjs bench/test-call.ts [iterations]

import { createSecureContext, rootCertificates } from "node:tls";
import { Agent, request } from "undici";
import { parse } from "../server/src/core/syntax/parse";
import { findCallStep, prepareTestRequest } from "../server/src/core/request/prepare-test-request";
import { runTestCall } from "../server/src/core/runner/test-call";
import { undiciHttp } from "../server/src/runtime/node-runtime";
import { responseFields } from "../server/src/core/response/fields";
import { startHttpsServer } from "../test/helpers/https-server";
import { testCertificate } from "../test/helpers/certificates";
import { fmt, median } from "./stats";

const ITERATIONS = Math.max(1, Math.min(500, Number(process.argv[2] ?? 30)));
const WARMUP = 3;
const BODY = JSON.stringify({ order: { id: 1001, status: "shipped", customer: { first_name: "Ann" }, items: [{ sku: "A-1", qty: 2 }] } });

async function main(): Promise<void> {
  const server = await startHttpsServer();
  const { cert } = await testCertificate();
  server.respond = (_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(BODY);
  };
  const flow = `connection shop {\n  bearer env TOKEN\n}\ncall lookup {\n  GET ${server.origin}/orders/{{id}}?fields={{fields}}\n  connection shop\n  header "Accept" "application/json"\n  test id = "1001"\n  test fields = "id,status"\n}\n`;
  const { ast } = parse(flow);
  const step = findCallStep(ast, "lookup")!;
  const url = `${server.origin}/orders/1001?fields=id%2Cstatus`;
  const headers = { accept: "application/json", authorization: "Bearer token-123" };

  const core = async () => {
    const built = await prepareTestRequest(ast, step, { resolveSecret: async () => "token-123" });
    if (!built.ok) throw new Error("cannot build");
    const result = await runTestCall(built.request, { http: undiciHttp, extraCaPem: [cert] });
    if (result.outcome.kind !== "ok") throw new Error(result.outcome.reason ?? "failed");
    responseFields(result);
  };
  const raw = async () => {
    const agent = new Agent({ connect: { ca: [...rootCertificates, cert] } });
    const res = await request(url, { headers, dispatcher: agent });
    await res.body.json();
    await agent.destroy();
  };
  // The same TLS work as the core: a fresh connection, the CA context built once.
  const secureContext = createSecureContext({ ca: [...rootCertificates, cert] });
  const rawCached = async () => {
    const agent = new Agent({ connect: { secureContext } });
    const res = await request(url, { headers, dispatcher: agent });
    await res.body.json();
    await agent.destroy();
  };
  const shared = new Agent({ connect: { ca: [...rootCertificates, cert] } });
  const rawShared = async () => {
    const res = await request(url, { headers, dispatcher: shared });
    await res.body.json();
  };

  const times: Record<"core" | "raw" | "rawCached" | "rawShared", number[]> = { core: [], raw: [], rawCached: [], rawShared: [] };
  const time = async (fn: () => Promise<void>) => {
    const start = process.hrtime.bigint();
    await fn();
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  for (let i = 0; i < WARMUP + ITERATIONS; i++) {
    const a = await time(core);
    const b = await time(raw);
    const c = await time(rawShared);
    const d = await time(rawCached);
    if (i < WARMUP) continue;
    times.core.push(a);
    times.raw.push(b);
    times.rawShared.push(c);
    times.rawCached.push(d);
  }
  await shared.destroy();
  await server.close();

  const a = median(times.core);
  const b = median(times.raw);
  const c = median(times.rawShared);
  const d = median(times.rawCached);
  console.log(`test call over loopback HTTPS, median of ${ITERATIONS} (after ${WARMUP} warm-up rounds), ${server.requests.length} requests served`);
  const rows: [string, number][] = [
    ["(a)  core: build + send + fields", a],
    ["(b)  raw undici.request, fresh Agent + CA", b],
    ["(b2) raw undici.request, fresh Agent, CA context reused", d],
    ["(b') raw undici.request, shared Agent", c],
  ];
  for (const [label, ms] of rows) console.log(`${label.padEnd(58)}${fmt(ms).padStart(10)}`);
  console.log(`ratio (a)/(b): ${(a / b).toFixed(2)}×   ratio (a)/(b2): ${(a / d).toFixed(2)}×   overhead vs (b2): ${fmt(a - d)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
