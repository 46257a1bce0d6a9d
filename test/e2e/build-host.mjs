// Bundles the extension-host test suite to CommonJS, which is what VS Code's
// extension host loads for `extensionTestsPath`:
//   test/e2e/host/index.ts    -> out/e2e-host/index.js     (the runner, run())
//   test/e2e/host/*.test.ts   -> out/e2e-host/*.test.js    (the tests)
// `vscode` is provided by the extension host; `mocha` stays external and is
// resolved at run time from the repo's node_modules (see host/index.ts), so
// that the runner and the tests share one mocha (its describe/it globals).
//
//   node test/e2e/build-host.mjs
import * as esbuild from "esbuild";
import { readdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";

const repo = resolve(import.meta.dirname, "../..");
const src = join(repo, "test/e2e/host");
const outdir = join(repo, "out/e2e-host");

const entryPoints = readdirSync(src)
  .filter((f) => f === "index.ts" || f.endsWith(".test.ts"))
  .map((f) => join(src, f));

// Start clean so a deleted test does not keep running from a stale .js.
rmSync(outdir, { recursive: true, force: true });
await esbuild.build({
  entryPoints,
  outdir,
  outbase: src,
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  sourcemap: "inline", // stack traces point at the .ts lines
  external: ["vscode", "mocha"],
  logLevel: "warning",
});
console.log(`e2e host tests: ${entryPoints.length - 1} test file(s) -> ${outdir}`);
