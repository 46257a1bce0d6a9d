// Bundles the three entry points with esbuild: CommonJS out, `vscode` the only
// external. A bundle loads Chevrotain in ~15 ms instead of ~300 ms for its ESM
// import, and leaves the VSIX no node_modules to find.
import * as esbuild from "esbuild";
import { existsSync } from "node:fs";

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

// The CLI is split per command: `botflow check` loads neither undici (half of a
// single bundle) nor the language server. main.ts imports the other commands
// lazily; in the bundle those imports become requires of sibling files.
const CLI_SPLIT = {
  "./commands/test": "./cli-test.js",
  "./commands/run": "./cli-run.js",
  "./commands/lsp": "./cli-lsp.js",
  "./commands/graph": "./cli-graph.js",
  // `botflow lsp` runs the language server bundle itself (it starts only as an entry).
  "../../lsp/main": "./server.js",
};
const cliSplit = {
  name: "cli-split",
  setup(build) {
    build.onResolve({ filter: /^(\.\/commands\/(test|run|lsp|graph)|\.\.\/\.\.\/lsp\/main)$/ }, (args) =>
      /server\/src\/cli\//.test(args.importer) ? { path: CLI_SPLIT[args.path], external: true } : undefined);
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

const entries = [
  { entryPoints: ["server/src/cli/main.ts"], outfile: "dist/cli.js", plugins: [cliSplit, graphvizSplit] },
  { entryPoints: ["server/src/cli/commands/test.ts"], outfile: "dist/cli-test.js", plugins: [cliSplit, graphvizSplit] },
  { entryPoints: ["server/src/cli/commands/run.ts"], outfile: "dist/cli-run.js", plugins: [cliSplit, graphvizSplit] },
  { entryPoints: ["server/src/cli/commands/lsp.ts"], outfile: "dist/cli-lsp.js", plugins: [cliSplit, graphvizSplit] },
  { entryPoints: ["server/src/cli/commands/graph.ts"], outfile: "dist/cli-graph.js", plugins: [cliSplit, graphvizSplit] },
  { entryPoints: ["server/src/core/graph/graphviz.ts"], outfile: "dist/graphviz.js" },
  { entryPoints: ["server/src/lsp/main.ts"], outfile: "dist/server.js", plugins: [graphvizSplit] },
  { entryPoints: ["client/src/extension.ts"], outfile: "dist/client.js" },
  // The diagram webview's script and stylesheet (dist/diagram-webview.css), for the browser.
  { entryPoints: ["client/src/diagram/webview/main.ts"], outfile: "dist/diagram-webview.js", platform: "browser", format: "iife", target: "es2022" },
].filter((e) => existsSync(e.entryPoints[0]));

if (watch) {
  for (const e of entries) (await esbuild.context({ ...common, ...e })).watch();
} else {
  await Promise.all(entries.map((e) => esbuild.build({ ...common, ...e })));
}
