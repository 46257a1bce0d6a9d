// Bundles the extension-host test suite to CommonJS, which is what VS Code's
// extension host loads for `extensionTestsPath`:
//   test/e2e/host/index.ts    -> out/e2e-host/index.js     (the runner, run())
//   test/e2e/host/*.e2e.ts    -> out/e2e-host/*.e2e.js     (the tests)
// Why *.e2e.ts and not *.test.ts: the unit suite's .mocharc.json runs every
// test/**/*.test.ts in plain Node, where `import "vscode"` cannot resolve, so
// a host test named *.test.ts breaks `npm test`. (If .mocharc.json gets
// "ignore": ["test/e2e/host/**"], the suffix can change here and in index.ts.)
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
  .filter((f) => f === "index.ts" || f.endsWith(".e2e.ts"))
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
