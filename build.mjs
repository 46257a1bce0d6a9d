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
  // `botflow lsp` runs the language server bundle itself (it starts only as an entry).
  "../../lsp/main": "./server.js",
};
// The import resolves to a one-line shim, `module.exports = require("./cli-test.js")`,
// bundled in: esbuild then emits a plain require. Left external, the import()
// would stay an ESM import of a CommonJS file, and Node would first scan the
// whole sibling bundle for its export names (cjs-module-lexer: ~150 ms for
// cli-test.js, most of `botflow test`'s start-up).
const cliSplit = {
  name: "cli-split",
  setup(build) {
    build.onResolve({ filter: /^(\.\/commands\/(test|run|lsp)|\.\.\/\.\.\/lsp\/main)$/ }, (args) =>
      /server\/src\/cli\//.test(args.importer) ? { path: CLI_SPLIT[args.path], namespace: "cli-split" } : undefined);
    build.onLoad({ filter: /.*/, namespace: "cli-split" }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: "js" }));
    build.onResolve({ filter: /.*/, namespace: "cli-split" }, (args) => ({ path: args.path, external: true }));
  },
};

const entries = [
  { entryPoints: ["server/src/cli/main.ts"], outfile: "dist/cli.js", plugins: [cliSplit] },
  { entryPoints: ["server/src/cli/commands/test.ts"], outfile: "dist/cli-test.js", plugins: [cliSplit] },
  { entryPoints: ["server/src/cli/commands/run.ts"], outfile: "dist/cli-run.js", plugins: [cliSplit] },
  { entryPoints: ["server/src/cli/commands/lsp.ts"], outfile: "dist/cli-lsp.js", plugins: [cliSplit] },
  { entryPoints: ["server/src/lsp/main.ts"], outfile: "dist/server.js" },
  { entryPoints: ["client/src/extension.ts"], outfile: "dist/client.js" },
].filter((e) => existsSync(e.entryPoints[0]));

if (watch) {
  for (const e of entries) (await esbuild.context({ ...common, ...e })).watch();
} else {
  await Promise.all(entries.map((e) => esbuild.build({ ...common, ...e })));
}
