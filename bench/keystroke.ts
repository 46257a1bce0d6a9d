// Keystroke → diagnostics latency of the bundled language server on a
// 10,000-line flow, started both ways people start it (VS Code's launch and
// `botflow lsp --stdio`, bench/launches.ts), against
// vscode-json-languageserver on a 10,000-line JSON document, in the same run:
// open each over stdio, then repeatedly type (or delete) one character in a
// string value in the middle and time until the publishDiagnostics after that
// edit arrives. The servers take turns, one edit each per round, so all see
// the same machine. Prints the medians and their ratios; the target is ≤ 0.3×
// the JSON server's figure.
// The JSON server validates every open document (its language service has
// validation on unless configured off; no schema is needed for syntax
// checks), 300 ms after the last change, and its publishes carry no version:
// we wait for its first publish for the document after the edit.
// Run: node bench/run.mjs bench/keystroke.ts [lines] [edits]

import { resolve } from "node:path";
import type { TextDocumentContentChangeEvent } from "vscode-languageserver/node";
import { fileUri, LspClient, ROOT } from "../test/helpers/lsp-client";
import { buildProduction } from "./production-build";
import { BOTFLOW_LAUNCHES } from "./launches";
import { generateFlow, generateJsonLines } from "./generate-flow";
import { fmt, median } from "./stats";

const LINES = Number(process.argv[2] ?? 10_000);
const EDITS = Math.max(1, Math.min(200, Number(process.argv[3] ?? 15)));
const WARMUP = 5;
const JSON_SERVER = resolve(ROOT, "node_modules/vscode-json-languageserver/bin/vscode-json-languageserver");
const JSON_DEBOUNCE_MS = 300;

/** Typing one character at the end of a string value on `line` (before its closing quote), or deleting it again. */
function edit(line: number, character: number, typing: boolean): TextDocumentContentChangeEvent {
  return typing
    ? { range: { start: { line, character }, end: { line, character } }, text: "x" }
    : { range: { start: { line, character }, end: { line, character: character + 1 } }, text: "" };
}

interface Subject {
  name: string;
  client: LspClient;
  uri: string;
  lines: number;
  kib: number;
  line: number;
  character: number;
  /** sends the edit for `version` and resolves when its diagnostics are published */
  keystroke(version: number, change: TextDocumentContentChangeEvent): Promise<number>;
  times: number[];
  /** the most diagnostics any publish after an edit had (the edits change a value, not the syntax) */
  diagnostics: number;
}

buildProduction();

// Ours: a message line in the middle of the flow, typing into its string.
const flowText = generateFlow(LINES);
const flowLines = flowText.split("\n");
const flowLine = flowLines.findIndex((l, i) => i >= flowLines.length / 2 && l.startsWith("say "));
const botflows: Subject[] = [];
for (const launch of BOTFLOW_LAUNCHES) {
  const client = await launch.start();
  const uri = fileUri("bench/.data/keystroke.flow");
  botflows.push({
    name: launch.name, client, uri, lines: flowLines.length - 1, kib: flowText.length / 1024,
    line: flowLine, character: flowLines[flowLine].lastIndexOf('"'), times: [], diagnostics: 0,
    async keystroke(version, change) {
      const start = performance.now();
      await client.change(uri, version, [change]);
      const published = await client.waitForDiagnostics(uri, version, 60_000);
      const ms = performance.now() - start;
      this.diagnostics = Math.max(this.diagnostics, published.diagnostics.length);
      return ms;
    },
  });
}

// The reference: a JSON document as VS Code's JSON extension opens it (languageId "json", the
// settings it pushes; only file schemas, so no network).
const jsonText = generateJsonLines(LINES);
const jsonLines = jsonText.split("\n");
const jsonLine = jsonLines.findIndex((l, i) => i >= jsonLines.length / 2 && l.trimStart().startsWith('"name": "Customer'));
const reference = await LspClient.start({
  serverModule: JSON_SERVER,
  initializationOptions: { handledSchemaProtocols: ["file"], provideFormatter: false },
});
await reference.notify("workspace/didChangeConfiguration", { settings: { json: { schemas: [], validate: { enable: true }, resultLimit: 5000 }, http: { proxyStrictSSL: true } } });
const jsonUri = fileUri("bench/.data/keystroke.json");
const json: Subject = {
  name: "vscode-json-languageserver", client: reference, uri: jsonUri, lines: jsonLines.length - 1, kib: jsonText.length / 1024,
  line: jsonLine, character: jsonLines[jsonLine].lastIndexOf('"'), times: [], diagnostics: 0,
  async keystroke(version, change) {
    const since = reference.diagnostics.length;
    const start = performance.now();
    await reference.change(jsonUri, version, [change]);
    const published = await reference.waitForPublishSince(jsonUri, since, 60_000);
    const ms = performance.now() - start;
    this.diagnostics = Math.max(this.diagnostics, published.diagnostics.length);
    return ms;
  },
};

for (const botflow of botflows) {
  await botflow.client.open(botflow.uri, flowText, 1);
  await botflow.client.waitForDiagnostics(botflow.uri, 1, 60_000);
}
const jsonOpened = reference.diagnostics.length;
await reference.open(jsonUri, jsonText, 1, "json");
await reference.waitForPublishSince(jsonUri, jsonOpened, 60_000);

const subjects = [...botflows, json];
for (let i = 0; i < WARMUP + EDITS; i++) {
  const version = i + 2;
  const typing = i % 2 === 0;
  for (const subject of subjects) {
    const ms = await subject.keystroke(version, edit(subject.line, subject.character, typing));
    if (i >= WARMUP) subject.times.push(ms);
  }
}
const problems = subjects.flatMap((s) => s.client.problems().map((p) => `${s.name}: ${p}`));
for (const subject of subjects) await subject.client.stop();

const TARGET = 0.3;
const j = median(json.times);
const row = (s: Subject, ms: number) =>
  `  ${`${s.name}, ${s.lines} lines (${s.kib.toFixed(0)} KiB):`.padEnd(62)}${fmt(ms).padStart(10)}   (min ${fmt(Math.min(...s.times))}, max ${fmt(Math.max(...s.times))}; at most ${s.diagnostics} diagnostics)`;
console.log(`keystroke → published diagnostics, median of ${EDITS} edits each (after ${WARMUP} warm-up), the servers taking turns:`);
for (const botflow of botflows) console.log(row(botflow, median(botflow.times)));
console.log(row(json, j) + `   [${JSON_DEBOUNCE_MS} ms of it its debounce]`);
for (const botflow of botflows) {
  const ratio = median(botflow.times) / j;
  console.log(`${`${botflow.name} / json:`.padEnd(34)} ${ratio.toFixed(2)}×   target ≤ ${TARGET}× (≤ ${fmt(j * TARGET)} this run): ${ratio <= TARGET ? "met" : "NOT met"}`);
}
console.log("(guide's reference for json ≈ 310 ms)");
if (problems.length) console.log(`server problems:\n${problems.join("\n")}`);
