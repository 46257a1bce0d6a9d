// Bundles the three entry points with esbuild: CommonJS out, `vscode` the only
// external. A bundle loads Chevrotain in ~15 ms instead of ~300 ms for its ESM
// import, and leaves the VSIX no node_modules to find.
import * as esbuild from "esbuild";
import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";

const CACHE_FILES = ["dist/cli.js.cache", "dist/cli-check.js.cache", "dist/cli-test.js.cache", "dist/cli-run.js.cache"];

const watch = process.argv.includes("--watch");
const production = process.argv.includes("--production");

const common = {
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  sourcemap: production ? false : "linked",
  minify: production,
  external: ["vscode"],
  logLevel: "warning",
  mainFields: ["module", "main"],
};

// The CLI is split per command: dist/cli.js is the dispatcher alone, so
// `botflow check` loads neither undici (half of a single bundle) nor the
// language server, and `botflow lsp` loads no second copy of the core (26 MiB
// of idle RSS). main.ts imports the commands lazily; in the bundle those
// imports become requires of sibling files.
const CLI_SPLIT = {
  "./commands/check": "./cli-check.js",
  "./commands/test": "./cli-test.js",
  "./commands/run": "./cli-run.js",
  "./commands/lsp": "./cli-lsp.js",
  "./commands/graph": "./cli-graph.js",
  // `botflow lsp` runs the language server bundle itself (it starts only as an entry).
  "../../lsp/main": "./server.js",
};
// Short-lived commands load through their code cache (server/src/cli/code-cache.ts);
// the language server runs for hours and needs none (its cache would only add heap).
const CODE_CACHED = new Set(["./cli-check.js", "./cli-test.js", "./cli-run.js"]);
const shim = (path) => CODE_CACHED.has(path)
  ? `module.exports = require("./load-bundle.js").loadBundle(require("node:path").join(__dirname, ${JSON.stringify(path)}));`
  : `module.exports = require(${JSON.stringify(path)});`;
// The import resolves to a one-line shim, `module.exports = require("./cli-test.js")`,
// bundled in: esbuild then emits a plain require. Left external, the import()
// would stay an ESM import of a CommonJS file, and Node would first scan the
// whole sibling bundle for its export names (cjs-module-lexer: ~150 ms for
// cli-test.js, most of `botflow test`'s start-up).
const cliSplit = {
  name: "cli-split",
  setup(build) {
    build.onResolve({ filter: /^(\.\/commands\/(check|test|run|lsp|graph)|\.\.\/\.\.\/lsp\/main)$/ }, (args) =>
      /server\/src\/cli\//.test(args.importer) ? { path: CLI_SPLIT[args.path], namespace: "cli-split" } : undefined);
    build.onLoad({ filter: /.*/, namespace: "cli-split" }, (args) => ({ contents: shim(args.path), loader: "js" }));
    build.onResolve({ filter: /.*/, namespace: "cli-split" }, (args) => ({ path: args.path, external: true }));
  },
};

// Graphviz (WebAssembly inlined in ≈800 KB of JavaScript) is its own bundle,
// loaded on the first diagram or `botflow graph --format svg`: the language
// server does not parse or hold it at start. Every bundle that holds the core
// facade (which imports it lazily) maps it to the sibling file.
const graphvizSplit = {
  name: "graphviz-split",
  setup(build) {
    build.onResolve({ filter: /(^|\/)graph\/graphviz$/ }, () => ({ path: "./graphviz.js", external: true }));
  },
};

// parse.ts reads a correct file without Chevrotain (strict-parser.ts) and
// imports the recovering parse for the others. In a bundle that import becomes
// a stub that requires the module on first use: esbuild then wraps the module,
// and Chevrotain under it, in a lazy initialiser, so a process that reads only
// correct files never evaluates them (~10 ms of every start).
const lazyRecovery = {
  name: "lazy-recovery",
  setup(build) {
    build.onResolve({ filter: /^\.\/parse-with-recovery$/ }, (args) =>
      /server\/src\/core\/syntax\/parse\.ts$/.test(args.importer) ? { path: join(dirname(args.importer), "parse-with-recovery.ts"), namespace: "lazy-recovery" } : undefined);
    build.onLoad({ filter: /.*/, namespace: "lazy-recovery" }, (args) => ({
      contents: `let loaded;\nexport function parseWithRecovery(text) {\n  loaded ??= require(${JSON.stringify(args.path)});\n  return loaded.parseWithRecovery(text);\n}\n`,
      loader: "js",
      resolveDir: dirname(args.path),
    }));
  },
};

const entries = [
  { entryPoints: ["server/src/cli/code-cache.ts"], outfile: "dist/load-bundle.js" },
  { entryPoints: ["server/src/cli/main.ts"], outfile: "dist/cli.js", plugins: [cliSplit] },
  { entryPoints: ["server/src/cli/commands/check.ts"], outfile: "dist/cli-check.js", plugins: [cliSplit, graphvizSplit, lazyRecovery] },
  { entryPoints: ["server/src/cli/commands/test.ts"], outfile: "dist/cli-test.js", plugins: [cliSplit, graphvizSplit, lazyRecovery] },
  { entryPoints: ["server/src/cli/commands/run.ts"], outfile: "dist/cli-run.js", plugins: [cliSplit, graphvizSplit, lazyRecovery] },
  { entryPoints: ["server/src/cli/commands/lsp.ts"], outfile: "dist/cli-lsp.js", plugins: [cliSplit, graphvizSplit, lazyRecovery] },
  { entryPoints: ["server/src/cli/commands/graph.ts"], outfile: "dist/cli-graph.js", plugins: [cliSplit, graphvizSplit, lazyRecovery] },
  { entryPoints: ["server/src/core/graph/graphviz.ts"], outfile: "dist/graphviz.js" },
  { entryPoints: ["server/src/lsp/main.ts"], outfile: "dist/server.js", plugins: [lazyRecovery] },
  { entryPoints: ["server/src/lsp/worker.ts"], outfile: "dist/server-worker.js", plugins: [graphvizSplit, lazyRecovery] },
  { entryPoints: ["client/src/extension.ts"], outfile: "dist/client.js" },
  // The diagram webview's script and stylesheet (dist/diagram-webview.css), for the browser.
  { entryPoints: ["client/src/diagram/webview/main.ts"], outfile: "dist/diagram-webview.js", platform: "browser", format: "iife", target: "es2022" },
].filter((e) => existsSync(e.entryPoints[0]));

// Only a production build makes code caches; any other would leave them beside bundles they do not match
// (the loader would ignore them, but they would be dead weight).
if (!production) for (const file of CACHE_FILES) rmSync(file, { force: true });

if (watch) {
  for (const e of entries) (await esbuild.context({ ...common, ...e })).watch();
} else {
  await Promise.all(entries.map((e) => esbuild.build({ ...common, ...e })));
  if (production) writeCodeCaches();
}

/**
 * The V8 code caches of the CLI bundles (dist/NAME.js.cache), made by this
 * Node after a warm-up run of `check` (and of `test` as far as it goes
 * without a network) so the functions a usual run needs are in them. The
 * warm-up files are correct, so Chevrotain (loaded only for a file with a
 * syntax error) stays out: a cache holding it was 785 KB instead of 468 KB,
 * read at every start. A dev build removes them: they would not match its
 * bundles anyway.
 */
function writeCodeCaches() {
  const samples = ["samples/order-status.flow", "samples/crm-lookup.flow"].filter((f) => existsSync(f));
  const script = `
    const { writeCodeCache } = require("./dist/load-bundle.js");
    const io = { stdout() {}, stderr() {}, cwd: process.cwd(), env: {}, isTty: false };
    const samples = ${JSON.stringify(samples)};
    (async () => {
      await writeCodeCache("./dist/cli-check.js", (cmd) => cmd.checkCommand(samples, io));
      await writeCodeCache("./dist/cli.js", (cli) => cli.main(["check", ...samples], io));
      await writeCodeCache("./dist/cli-test.js", (cmd) => samples.length && cmd.testCommand([samples[0], "no-such-step"], io));
      await writeCodeCache("./dist/cli-run.js");
    })().catch((error) => { console.error(error); process.exit(1); });`;
  const made = spawnSync(process.execPath, ["-e", script], { stdio: "inherit" });
  if (made.status !== 0) throw new Error("writing the code caches failed");
}
