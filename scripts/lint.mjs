// The lint suite: Biome's lint rules and format check (biome.json), one line
// per error, then `lint: N passed, M failed` counting files (a file fails
// with any error). Exit status 1 on any error. Run by test/run-all.sh.

import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const biome = require.resolve("@biomejs/biome/bin/biome");
const run = spawnSync(process.execPath, [biome, "ci", "--reporter=json", "--colors=off", "--max-diagnostics=10000"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
const text = run.stdout.slice(run.stdout.indexOf("{"));
let report;
try {
  report = JSON.parse(text);
} catch {
  process.stderr.write(`${run.stdout}${run.stderr}\nlint: Biome gave no report\n`);
  console.log("lint: 0 passed, 1 failed");
  process.exit(1);
}
const failing = new Map();
for (const d of report.diagnostics) {
  if (d.severity !== "error" && d.severity !== "fatal") continue;
  const path = d.location?.path ?? "(configuration)";
  const where = d.location?.start?.line ? `${path}:${d.location.start.line}:${d.location.start.column}` : path;
  console.log(`${where} ${d.category}: ${d.message}`);
  failing.set(path, (failing.get(path) ?? 0) + 1);
}
const { changed, unchanged } = report.summary;
const checked = changed + unchanged;
console.log(`lint: ${checked - failing.size} passed, ${failing.size} failed`);
process.exit(failing.size || run.status ? 1 : 0);
