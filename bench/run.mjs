// Runs a bench script from an esbuild bundle, as the shipped code runs: the
// tsx loader used by tests wraps every function (keepNames) and skews timings.
// Usage: node bench/run.mjs <script.ts> [args...]
import * as esbuild from "esbuild";
import { spawnSync } from "node:child_process";
import { basename } from "node:path";

const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error("usage: node bench/run.mjs bench/<script>.ts [args...]");
  process.exit(2);
}
// Inside this checkout (bench/.data, ignored by git), never a folder other checkouts share; two levels
// down, as the sources it bundles, so paths found from import.meta.url still resolve.
const outfile = `bench/.data/${basename(script, ".ts")}.mjs`;
// ESM out, so scripts may use top-level await; bundled CommonJS dependencies get a real `require`.
await esbuild.build({
  entryPoints: [script], outfile, bundle: true, platform: "node", format: "esm", target: "node20", logLevel: "warning",
  mainFields: ["module", "main"], external: ["vscode"],
  banner: { js: "import { createRequire as __botflowRequire } from 'node:module'; const require = __botflowRequire(import.meta.url);" },
});
const run = spawnSync(process.execPath, ["--expose-gc", outfile, ...args], { stdio: "inherit" });
process.exit(run.status ?? 1);
