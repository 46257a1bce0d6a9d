// `botflow check` as a whole process, as a user runs it (node bin/botflow.js
// over the production bundles), in the same run as its references:
// (1) two ordinary flows (samples/order-status.flow, crm-lookup.flow, ≈ 60
//     lines each) against `node -e 0`, a bare Node start (target ≤ 1.5×);
// (2) a generated 10,000-line flow against a `node` process that JSON.parses
//     a JSON file of the same size (target ≤ 2.5×).
// The four commands take turns, round after round; medians.
// Run: node bench/run.mjs bench/check-process.ts [runs]

import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "../test/helpers/lsp-client";
import { generateFlow, generateJsonOfSize } from "./generate-flow";
import { buildProduction } from "./production-build";
import { fmt, median } from "./stats";

const runs = Math.max(1, Math.min(100, Number(process.argv[2] ?? 21)));
buildProduction();
const dir = mkdtempSync(join(tmpdir(), "botflow-bench-"));
const flowFile = join(dir, "big.flow");
const jsonFile = join(dir, "big.json");
const flow = generateFlow(10_000);
writeFileSync(flowFile, flow);
writeFileSync(jsonFile, generateJsonOfSize(Buffer.byteLength(flow)));

function timeProcess(args: string[]): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  if (r.status !== 0) throw new Error(`node ${args.join(" ")} exited ${r.status}\n${r.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const commands = {
  small: ["bin/botflow.js", "check", "samples/order-status.flow", "samples/crm-lookup.flow"],
  bare: ["-e", "0"],
  big: ["bin/botflow.js", "check", flowFile],
  json: ["-e", `JSON.parse(require("fs").readFileSync(${JSON.stringify(jsonFile)}, "utf8"))`],
};
type Name = keyof typeof commands;
const names = Object.keys(commands) as Name[];
const times = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<Name, number[]>;
for (const name of names) timeProcess(commands[name]);
for (let i = 0; i < runs; i++) for (const name of names) times[name].push(timeProcess(commands[name]));
rmSync(dir, { recursive: true, force: true });

const m = Object.fromEntries(names.map((n) => [n, median(times[n])])) as Record<Name, number>;
const row = (label: string, ms: number) => console.log(`  ${label.padEnd(66)}${fmt(ms).padStart(10)}`);
const verdict = (ratio: number, target: number) => `${ratio.toFixed(2)}×   target ≤ ${target}×: ${ratio <= target ? "met" : "NOT met"}`;
console.log(`botflow check as a whole process (production bundles), median of ${runs} rounds, the four taking turns:`);
row("(1) botflow check samples/order-status.flow samples/crm-lookup.flow", m.small);
row("    node -e 0 (process start alone)", m.bare);
console.log(`    ratio ${verdict(m.small / m.bare, 1.5)}`);
row("(2) botflow check, generated 10,000-line flow", m.big);
row("    node: JSON.parse of a JSON file of the same size", m.json);
console.log(`    ratio ${verdict(m.big / m.json, 2.5)}`);
