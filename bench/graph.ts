// The graph's speed, each figure next to a reference from the same run:
// 1. `botflow graph --format svg` of the generated 10,000-line flow as a
//    whole process (Graphviz WebAssembly layout of ≈2,600 steps), next to
//    `botflow graph --format dot` (no layout) and `botflow check` of the file.
// 2. Keystroke → re-drawn diagram of a 500-line flow in the webview path:
//    the edit goes to the bundled language server (started as the extension
//    starts it), the client's edit throttle (core/timing/edit-throttle.ts,
//    50 ms quiet time: a lone keystroke asks at once) asks botflow/graph, which answers
//    the SVG, and the diagram page (dist/diagram-webview.js in headless
//    Chromium) draws it and reports back. Target ≤ 150 ms. Reference: the
//    same keystroke → published diagnostics of the same server and file.
// Needs the bundles (node build.mjs) and /usr/bin/chromium; run from the repo's root.
// Run: node bench/run.mjs bench/graph.ts [runs] [edits]

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GRAPH_REQUEST, SERVER_EXEC_ARGV, type GraphResult } from "../server/src/protocol";
import { fileUri, LspClient } from "../test/helpers/lsp-client";
import { CHROMIUM } from "../test/helpers/chromium";
import { openDiagramPage } from "./diagram-page";
import { EditThrottle } from "../server/src/core/timing/edit-throttle";
import { nodeTimers } from "../server/src/runtime/node-timers";
import { generateFlow } from "./generate-flow";
import { fmt, median } from "./stats";

const RUNS = Number(process.argv[2] ?? 7);
const EDITS = Number(process.argv[3] ?? 21);
/** The diagram panel's quiet time (client/src/diagram/diagram-panel.ts). */
const QUIET_MS = 50;

// Not ensureBuilt(): in a bundle under a linked .cache/ it would build the checkout the link points to.
if (!existsSync("dist/server.js") || !existsSync("dist/graphviz.js")) throw new Error("run from the repo's root after node build.mjs");
const dir = mkdtempSync(join(tmpdir(), "botflow-bench-graph-"));

// ---- 1. the CLI on 10,000 lines
const bigFile = join(dir, "big.flow");
writeFileSync(bigFile, generateFlow(10_000));
function timeProcess(args: string[]): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ["bin/botflow.js", ...args], { stdio: ["ignore", "ignore", "inherit"] });
  if (r.status !== 0 && r.status !== 1) throw new Error(`botflow ${args.join(" ")} exited ${r.status}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}
const svgArgs = ["graph", bigFile, "--format", "svg", "-o", join(dir, "big.svg")];
const dotArgs = ["graph", bigFile, "--format", "dot", "-o", join(dir, "big.dot")];
const checkArgs = ["check", bigFile];
timeProcess(svgArgs);
const svg: number[] = [];
const dot: number[] = [];
const check: number[] = [];
for (let i = 0; i < RUNS; i++) {
  svg.push(timeProcess(svgArgs));
  dot.push(timeProcess(dotArgs));
  check.push(timeProcess(checkArgs));
}
console.log(`botflow graph --format svg, 10,000 lines, whole process (median of ${RUNS}): ${fmt(median(svg))}`);
console.log(`botflow graph --format dot (no layout), same file:                ${fmt(median(dot))}`);
console.log(`botflow check, same file (reference):                            ${fmt(median(check))}`);
console.log(`ratio svg / check: ${(median(svg) / median(check)).toFixed(2)}x`);

// ---- 2. keystroke → re-drawn diagram, 500 lines
if (!existsSync(CHROMIUM)) {
  // Not a failure of the graph: .ci/run installs Debian's chromium, a fresh dev machine may not have it.
  console.log(`keystroke → redraw: skipped, no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM)`);
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}
const text = generateFlow(500);
const lines = text.split("\n");
const line = lines.findIndex((l, i) => i >= lines.length / 2 && l.startsWith("say "));
const character = lines[line].lastIndexOf('"');
const server = await LspClient.start({ execArgv: SERVER_EXEC_ARGV, serverModule: join(process.cwd(), "dist/server.js") });
const uri = fileUri("bench/.data/graph-500.flow");
await server.open(uri, text, 1);
await server.waitForDiagnostics(uri, 1, 60_000);
const page = await openDiagramPage();
const toMessage = (g: GraphResult) => ({ type: "graph", version: g.version, svg: g.svg, nodes: g.nodes });
const first = await server.request<GraphResult>(GRAPH_REQUEST, { uri });
await page.draw(toMessage(first));

const redraw: number[] = [];
const serverPart: number[] = [];
const drawPart: number[] = [];
const handOver: number[] = [];
const changeToAsk: number[] = [];
const diagnostics: number[] = [];
let version = 1;
let steps = first.steps;
let whenAsked = () => {};
const panelThrottle = new EditThrottle(() => whenAsked(), () => QUIET_MS, nodeTimers);
for (let i = 0; i < EDITS + 3; i++) {
  const typing = i % 2 === 0;
  const change = typing
    ? { range: { start: { line, character }, end: { line, character } }, text: "x" }
    : { range: { start: { line, character }, end: { line, character: character + 1 } }, text: "" };
  version++;
  const start = performance.now();
  await server.change(uri, version, [change]);
  // When the diagram panel asks: as its throttle decides.
  await new Promise<void>((ask) => {
    whenAsked = ask;
    panelThrottle.poke();
  });
  const asked = performance.now();
  const graph = await server.request<GraphResult>(GRAPH_REQUEST, { uri });
  const answered = performance.now();
  if (graph.version !== version) throw new Error(`diagram of version ${graph.version}, expected ${version}`);
  const drawn = await page.draw(toMessage(graph));
  const end = performance.now();
  await server.waitForDiagnostics(uri, version, 60_000);
  steps = graph.steps;
  if (i < 3) continue; // warm-up
  redraw.push(end - start);
  serverPart.push(answered - asked);
  drawPart.push(drawn.ms);
  handOver.push(end - answered - drawn.ms);
  changeToAsk.push(asked - start);
}
// The reference, with nothing else waiting on the server: keystroke → its diagnostics.
for (let i = 0; i < EDITS + 3; i++) {
  const typing = version % 2 === 1;
  const change = typing
    ? { range: { start: { line, character }, end: { line, character } }, text: "x" }
    : { range: { start: { line, character }, end: { line, character: character + 1 } }, text: "" };
  version++;
  const start = performance.now();
  await server.change(uri, version, [change]);
  await server.waitForDiagnostics(uri, version, 60_000);
  if (i >= 3) diagnostics.push(performance.now() - start);
}
await page.close();
await server.stop();
rmSync(dir, { recursive: true, force: true });
console.log(`keystroke -> re-drawn diagram, ${lines.length - 1} lines (${steps} steps), median of ${EDITS}: ${fmt(median(redraw))}   (target <= 150 ms)`);
console.log(`  of which: edit until the panel asks ${fmt(median(changeToAsk))}, botflow/graph ${fmt(median(serverPart))}, handing the SVG to the page ${fmt(median(handOver))}, drawing in it ${fmt(median(drawPart))}`);
console.log(`keystroke -> published diagnostics, same server and file (reference):  ${fmt(median(diagnostics))}`);
