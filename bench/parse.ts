// Parse + analyse a generated 10,000-line flow in process, warm, against
// JSON.parse of a JSON document of the same size in the same run. The ratio
// is the figure (target ≤ 10×). Run: node bench/run.mjs bench/parse.ts [lines]

import { analyze } from "../server/src/core/analyze";
import { generateFlow, generateJsonOfSize } from "./generate-flow";
import { fmt, median, timeMs } from "./stats";

const lines = Number(process.argv[2] ?? 10_000);
const flow = generateFlow(lines);
const json = generateJsonOfSize(Buffer.byteLength(flow));
const RUNS = 61;

// Warm both paths first: the figure is for a warm process (the editor's case).
for (let i = 0; i < 5; i++) {
  analyze(flow);
  JSON.parse(json);
}
const flowTimes: number[] = [];
const jsonTimes: number[] = [];
for (let i = 0; i < RUNS; i++) {
  flowTimes.push(timeMs(() => analyze(flow)));
  jsonTimes.push(timeMs(() => JSON.parse(json)));
}
const f = median(flowTimes);
const j = median(jsonTimes);
const diagnostics = analyze(flow).diagnostics.length;
console.log(`flow: ${flow.split("\n").length} lines, ${(flow.length / 1024).toFixed(0)} KiB, ${diagnostics} diagnostics; json: ${(json.length / 1024).toFixed(0)} KiB`);
console.log(`parse + analyse (median of ${RUNS}): ${fmt(f)}`);
console.log(`JSON.parse same size (median of ${RUNS}): ${fmt(j)}`);
console.log(`ratio: ${(f / j).toFixed(1)}×   target ≤ 10×: ${f / j <= 10 ? "met" : "NOT met"}   (reference: Chevrotain JSON grammar CST 25×, embedded actions 8×)`);
