// Memory of the bundled language server with 50 open 10,000-line flows:
// open them over stdio, wait until each has its diagnostics, then read the
// server process's resident set size (VmRSS in /proc/<pid>/status). Right
// after the burst the heap still holds the garbage of 50 parses; V8 gives it
// back after some idle time, so the figure is read again once it settles.
// Run: node --import tsx bench/server-memory.ts [documents] [lines] [settle seconds, 0 to skip]

import { readFileSync } from "node:fs";
import { ensureBuilt, fileUri, LspClient } from "../test/helpers/lsp-client";
import { generateFlow } from "./generate-flow";

const DOCUMENTS = Number(process.argv[2] ?? 50);
const LINES = Number(process.argv[3] ?? 10_000);
const SETTLE_S = Number(process.argv[4] ?? 45);
const JSON_REFERENCE_MIB = 186;

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]);
  return kib / 1024;
}

await ensureBuilt();
const client = await LspClient.start();
const pid = client.process.pid!;
const idle = rssMiB(pid);
const base = generateFlow(LINES);
const started = performance.now();
const published: Promise<unknown>[] = [];
for (let i = 0; i < DOCUMENTS; i++) {
  // Each document differs a little, as real files do.
  const uri = fileUri(`bench/.data/memory-${i}.flow`);
  await client.open(uri, `# document ${i}\n${base.replaceAll("lookup_", `lookup${i}_`)}`, 1);
  published.push(client.waitForDiagnostics(uri, 1, 120_000));
}
await Promise.all(published);
const elapsed = performance.now() - started;
const loaded = rssMiB(pid);
// Idle until RSS drops by a tenth (V8's memory reducer ran) or the time is up: one reading a second.
let settled = loaded;
let waited = 0;
while (waited < SETTLE_S && settled > loaded * 0.9) {
  await new Promise((done) => setTimeout(done, 1000));
  waited++;
  settled = rssMiB(pid);
}
const problems = client.problems();
await client.stop();

console.log(`server memory with ${DOCUMENTS} open documents of ${LINES} lines (${(base.length / 1024).toFixed(0)} KiB each), all diagnosed in ${(elapsed / 1000).toFixed(1)} s:`);
console.log(`  botflow (measured), just after:     ${loaded.toFixed(0)} MiB RSS   (idle after start: ${idle.toFixed(0)} MiB)`);
if (SETTLE_S > 0) console.log(`  botflow (measured), ${String(waited).padStart(2)} s idle later: ${settled.toFixed(0)} MiB RSS`);
console.log(`  vscode-json-languageserver:         ≈${JSON_REFERENCE_MIB} MiB   reference (not measured here)`);
if (problems.length) console.log(`server problems: ${problems.join("\n")}`);
