// Memory of the bundled language server with 50 open 10,000-line flows,
// against vscode-json-languageserver with 50 open 10,000-line JSON documents,
// in the same run, our server started both ways people start it (VS Code's
// launch and `botflow lsp --stdio`, bench/launches.ts). Each round starts all
// three servers, loads one after another (the order rotates): open the
// documents over stdio, wait until each has its diagnostics, read the server
// process's resident set size (VmRSS in /proc/<pid>/status). That reading, the
// one the guide's ≈186 MiB is, and its ratio are the figure (target ≤ 0.8×).
// Right after the burst the heap may still hold the garbage of 50 parses, and
// V8 gives it back after some idle time (its memory reducer, 15–40 s here), so
// all then idle together, one reading a second, and the lowest is printed too.
// Medians over rounds.
// Run: node bench/run.mjs bench/server-memory.ts [documents] [lines] [settle seconds, 0 to skip] [rounds]

import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileUri, LspClient, ROOT } from "../test/helpers/lsp-client";
import { buildProduction } from "./production-build";
import { BOTFLOW_LAUNCHES } from "./launches";
import { generateFlow, generateJsonLines } from "./generate-flow";
import { median } from "./stats";

const DOCUMENTS = Math.max(1, Math.min(500, Number(process.argv[2] ?? 50)));
const LINES = Number(process.argv[3] ?? 10_000);
const SETTLE_S = Math.max(0, Math.min(600, Number(process.argv[4] ?? 45)));
const ROUNDS = Math.max(1, Math.min(20, Number(process.argv[5] ?? 3)));
const JSON_SERVER = resolve(ROOT, "node_modules/vscode-json-languageserver/bin/vscode-json-languageserver");
const JSON_SETTINGS = { json: { schemas: [], validate: { enable: true }, resultLimit: 5000 }, http: { proxyStrictSSL: true } };

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]);
  return kib / 1024;
}

interface Document {
  uri: string;
  text: string;
}

interface Subject {
  name: string;
  languageId: string;
  documents: Document[];
  start(): Promise<LspClient>;
  /** resolves with the diagnostics published for `uri` after its open (`since`: publishes received before it) */
  published(client: LspClient, uri: string, since: number): Promise<unknown>;
  idle: number[];
  loaded: number[];
  settled: number[];
  elapsedMs: number[];
  problems: string[];
}

/** Opens the documents one after another (not waiting), waits for all their diagnostics, reads RSS. */
async function load(subject: Subject, client: LspClient): Promise<void> {
  const started = performance.now();
  const pending: Promise<unknown>[] = [];
  for (const { uri, text } of subject.documents) {
    const since = client.diagnostics.length;
    await client.open(uri, text, 1, subject.languageId);
    pending.push(subject.published(client, uri, since));
  }
  await Promise.all(pending);
  subject.elapsedMs.push(performance.now() - started);
  subject.loaded.push(rssMiB(client.process.pid!));
}

buildProduction();

// Each document differs a little, as real files do.
const flowBase = generateFlow(LINES);
const jsonBase = generateJsonLines(LINES);
const botflows: Subject[] = BOTFLOW_LAUNCHES.map((launch) => ({
  name: launch.name,
  languageId: "botflow",
  documents: Array.from({ length: DOCUMENTS }, (_, i) => ({
    uri: fileUri(`bench/.data/memory-${i}.flow`),
    text: `# document ${i}\n${flowBase.replaceAll("lookup_", `lookup${i}_`)}`,
  })),
  start: () => launch.start(),
  published: (client, uri) => client.waitForDiagnostics(uri, 1, 120_000),
  idle: [], loaded: [], settled: [], elapsedMs: [], problems: [],
}));
const json: Subject = {
  name: "vscode-json-languageserver",
  languageId: "json",
  documents: Array.from({ length: DOCUMENTS }, (_, i) => ({
    uri: fileUri(`bench/.data/memory-${i}.json`),
    text: jsonBase.replaceAll('"SKU-', `"SKU${i}-`),
  })),
  // As VS Code's JSON extension starts it: only file schemas (no network), its settings pushed.
  async start() {
    const client = await LspClient.start({ serverModule: JSON_SERVER, initializationOptions: { handledSchemaProtocols: ["file"], provideFormatter: false } });
    await client.notify("workspace/didChangeConfiguration", { settings: JSON_SETTINGS });
    return client;
  },
  // Its publishes carry no version: the first one for the document after its open.
  published: (client, uri, since) => client.waitForPublishSince(uri, since, 120_000),
  idle: [], loaded: [], settled: [], elapsedMs: [], problems: [],
};

const subjects = [...botflows, json];
for (let round = 0; round < ROUNDS; round++) {
  const order = subjects.map((_, i) => subjects[(i + round) % subjects.length]);
  const clients = new Map<Subject, LspClient>();
  for (const subject of order) clients.set(subject, await subject.start());
  // Let start-up settle a moment before the idle reading.
  await new Promise((done) => setTimeout(done, 500));
  for (const subject of order) subject.idle.push(rssMiB(clients.get(subject)!.process.pid!));
  for (const subject of order) await load(subject, clients.get(subject)!);
  // All idle together, one reading a second; the lowest counts.
  const lowest = new Map(order.map((s) => [s, s.loaded.at(-1)!]));
  for (let waited = 0; waited < SETTLE_S; waited++) {
    await new Promise((done) => setTimeout(done, 1000));
    for (const subject of order) lowest.set(subject, Math.min(lowest.get(subject)!, rssMiB(clients.get(subject)!.process.pid!)));
  }
  for (const subject of order) {
    subject.settled.push(lowest.get(subject)!);
    subject.problems.push(...clients.get(subject)!.problems());
    await clients.get(subject)!.stop();
  }
}

const TARGET = 0.8;
const lines = (text: string) => text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
const kib = (text: string) => (Buffer.byteLength(text) / 1024).toFixed(0);
const mib = (n: number) => `${n.toFixed(0)} MiB`.padStart(8);
const all = (values: number[]) => values.map((v) => v.toFixed(0)).join(", ");
const flow0 = botflows[0].documents[0].text;
const json0 = json.documents[0].text;
console.log(`server memory (VmRSS) with ${DOCUMENTS} open documents each, median of ${ROUNDS} rounds:`);
console.log(`  botflow:                    ${lines(flow0)} lines, ${kib(flow0)} KiB a flow, all diagnosed in ${botflows.map((b) => `${(median(b.elapsedMs) / 1000).toFixed(1)} s`).join(" / ")}`);
console.log(`  vscode-json-languageserver: ${lines(json0)} lines, ${kib(json0)} KiB a JSON document, all diagnosed in ${(median(json.elapsedMs) / 1000).toFixed(1)} s`);
for (const botflow of botflows) {
  console.log(`${botflow.name}:`);
  console.log(`                                        botflow   json-ls   ratio   (each round: botflow | json-ls)`);
  const row = (label: string, a: number[], b: number[]) =>
    console.log(`  ${label.padEnd(36)}${mib(median(a))}  ${mib(median(b))}   ${(median(a) / median(b)).toFixed(2)}×   (${all(a)} | ${all(b)})`);
  row("idle after start", botflow.idle, json.idle);
  row("all diagnosed, just after", botflow.loaded, json.loaded);
  if (SETTLE_S > 0) row(`lowest in ${SETTLE_S} s idle after`, botflow.settled, json.settled);
}
for (const botflow of botflows) {
  const figure = median(botflow.loaded) / median(json.loaded);
  console.log(`${`${botflow.name}:`.padEnd(28)} all diagnosed ${(median(botflow.loaded)).toFixed(0)} MiB vs ${median(json.loaded).toFixed(0)} MiB = ${figure.toFixed(2)}×   target ≤ ${TARGET}×: ${figure <= TARGET ? "met" : "NOT met"}`);
}
console.log("(guide's reference for the JSON server ≈ 186 MiB; yaml-language-server ≈ 910 MiB)");
const problems = [...botflows.flatMap((b) => b.problems.map((p) => `${b.name}: ${p}`)), ...json.problems.map((p) => `vscode-json-languageserver: ${p}`)];
if (problems.length) console.log(`server problems:\n${problems.join("\n")}`);
