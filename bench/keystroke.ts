// Keystroke → diagnostics latency of the bundled language server on a
// 10,000-line flow: open it over stdio, then repeatedly type (or delete) one
// character in the middle and time until publishDiagnostics for that version
// arrives. Prints the median; the target is ≤ 0.5× the JSON server's figure.
// Run: node --import tsx bench/keystroke.ts [lines] [edits]

import { ensureBuilt, fileUri, LspClient } from "../test/helpers/lsp-client";
import { generateFlow } from "./generate-flow";
import { fmt, median } from "./stats";

const LINES = Number(process.argv[2] ?? 10_000);
const EDITS = Number(process.argv[3] ?? 15);
const WARMUP = 5;
const JSON_REFERENCE_MS = 310;

await ensureBuilt();
const client = await LspClient.start();
const text = generateFlow(LINES);
const lines = text.split("\n");
// A message line in the middle of the file: typing into its string.
const line = lines.findIndex((l, i) => i >= lines.length / 2 && l.startsWith("say "));
const character = lines[line].length - 1;
const uri = fileUri("bench/.data/keystroke.flow");

await client.open(uri, text, 1);
await client.waitForDiagnostics(uri, 1, 60_000);

const times: number[] = [];
for (let i = 0; i < WARMUP + EDITS; i++) {
  const version = i + 2;
  const typing = i % 2 === 0;
  const change = typing
    ? { range: { start: { line, character }, end: { line, character } }, text: "x" }
    : { range: { start: { line, character }, end: { line, character: character + 1 } }, text: "" };
  const start = performance.now();
  await client.change(uri, version, [change]);
  await client.waitForDiagnostics(uri, version, 60_000);
  if (i >= WARMUP) times.push(performance.now() - start);
}
const problems = client.problems();
await client.stop();

const result = median(times);
console.log(`keystroke → diagnostics, ${lines.length} lines, median of ${EDITS} edits (after ${WARMUP} warm-up):`);
console.log(`  botflow (measured):                            ${fmt(result)}   (min ${fmt(Math.min(...times))}, max ${fmt(Math.max(...times))})`);
console.log(`  vscode-json-languageserver, 10,000 lines:      ≈${JSON_REFERENCE_MS} ms   reference (not measured here)`);
console.log(`  target ≤ 0.5 × reference = ${JSON_REFERENCE_MS / 2} ms: ${result <= JSON_REFERENCE_MS / 2 ? "met" : "NOT met"} (${(result / JSON_REFERENCE_MS).toFixed(2)}×)`);
if (problems.length) console.log(`server problems: ${problems.join("\n")}`);
