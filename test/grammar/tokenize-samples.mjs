// Tokenizes every samples/*.flow with the Bot Flow grammar (the same engine
// VS Code uses) and fails if a line cannot be tokenized or if a `{{name}}`
// outside a comment is not scoped as a variable. No samples: nothing to do.
// Usage: node test/grammar/tokenize-samples.mjs [directory, default samples/]
import { createRequire } from "node:module";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const tm = require("vscode-textmate");
const onig = require("vscode-oniguruma");

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const grammarPath = join(root, "syntaxes", "botflow.tmLanguage.json");
const samplesDir = process.argv[2] ?? join(root, "samples");
const VAR_SCOPE = "variable.other.template.botflow";
const VAR_REF = /\{\{\s*([\w-]+(?:\.[\w-]+)*)\s*\}\}/g;

const samples = existsSync(samplesDir)
  ? readdirSync(samplesDir).filter((f) => f.endsWith(".flow")).sort()
  : [];
if (samples.length === 0) {
  console.log(`tokenize-samples: no *.flow in ${samplesDir}, nothing to check`);
  process.exit(0);
}

const wasm = readFileSync(join(dirname(require.resolve("vscode-oniguruma")), "onig.wasm"));
await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
const registry = new tm.Registry({
  onigLib: Promise.resolve({
    createOnigScanner: (patterns) => new onig.OnigScanner(patterns),
    createOnigString: (s) => new onig.OnigString(s),
  }),
  loadGrammar: async () => tm.parseRawGrammar(readFileSync(grammarPath, "utf8"), grammarPath),
});
const grammar = await registry.loadGrammar("source.botflow");
if (!grammar) throw new Error(`cannot load ${grammarPath}`);

let failures = 0;
let lineCount = 0;
const fail = (where, msg) => {
  failures++;
  console.log(`✖ ${where}: ${msg}`);
};

for (const file of samples) {
  const lines = readFileSync(join(samplesDir, file), "utf8").split(/\r?\n/);
  let stack = tm.INITIAL;
  lines.forEach((line, i) => {
    const where = `${file}:${i + 1}`;
    const { tokens, ruleStack, stoppedEarly } = grammar.tokenizeLine(line, stack, 1000);
    stack = ruleStack;
    lineCount++;
    if (stoppedEarly || tokens.length === 0 || tokens[0].startIndex !== 0) {
      return fail(where, "line did not tokenize");
    }
    const scopesAt = (col) => tokens.find((t) => t.startIndex <= col && col < t.endIndex)?.scopes ?? [];
    for (const m of line.matchAll(VAR_REF)) {
      const col = m.index + m[0].indexOf(m[1]);
      const scopes = scopesAt(col);
      if (scopes.some((s) => s.startsWith("comment."))) continue;
      const end = col + m[1].length;
      const covered = tokens.filter((t) => t.startIndex < end && t.endIndex > col);
      if (!covered.every((t) => t.scopes.includes(VAR_SCOPE))) {
        fail(`${where}:${col + 1}`, `{{${m[1]}}} lacks ${VAR_SCOPE} (has: ${scopes.slice(1).join(" ")})`);
      }
    }
  });
  // An open region at end of file means a body/string ran away; report, don't fail
  // (samples may be deliberately broken to show diagnostics).
  if (stack.depth > 1) console.log(`  note: ${file} ends inside an unclosed body (JSON object or array)`);
}

console.log(`tokenize-samples: ${samples.length} file(s), ${lineCount} line(s), ${failures} failure(s)`);
process.exit(failures === 0 ? 0 : 1);
