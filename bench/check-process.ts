// `botflow check` on a generated 10,000-line flow as a whole process, against a
// `node` process that JSON.parses a JSON file of the same size, in the same
// run (target ≤ 2.5×). Needs the bundle: node build.mjs first.
// Run: node bench/run.mjs bench/check-process.ts [runs]

import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateFlow, generateJsonOfSize } from "./generate-flow";
import { fmt, median } from "./stats";

const runs = Number(process.argv[2] ?? 15);
const dir = mkdtempSync(join(tmpdir(), "botflow-bench-"));
const flowFile = join(dir, "big.flow");
const jsonFile = join(dir, "big.json");
const flow = generateFlow(10_000);
writeFileSync(flowFile, flow);
writeFileSync(jsonFile, generateJsonOfSize(Buffer.byteLength(flow)));

function timeProcess(args: string[]): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: ["ignore", "ignore", "inherit"] });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(" ")} exited ${r.status}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const check = ["bin/botflow.js", "check", flowFile];
const json = ["-e", `JSON.parse(require("fs").readFileSync(${JSON.stringify(jsonFile)}, "utf8"))`];
const bare = ["-e", "0"];
timeProcess(check);
timeProcess(json);
const c: number[] = [];
const j: number[] = [];
const b: number[] = [];
for (let i = 0; i < runs; i++) {
  c.push(timeProcess(check));
  j.push(timeProcess(json));
  b.push(timeProcess(bare));
}
rmSync(dir, { recursive: true, force: true });
console.log(`botflow check, 10,000 lines, whole process (median of ${runs}): ${fmt(median(c))}`);
console.log(`node JSON.parse of the same size, whole process:            ${fmt(median(j))}`);
console.log(`node -e 0 (process start alone):                            ${fmt(median(b))}`);
console.log(`ratio: ${(median(c) / median(j)).toFixed(2)}x   (target <= 2.5x; reference: bare Chevrotain CST parse from its bundle ≈ 2.6x)`);
