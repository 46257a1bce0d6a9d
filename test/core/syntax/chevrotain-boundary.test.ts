// A correct file is read without Chevrotain (strict-parser.ts), and the
// bundles load Chevrotain only with the recovering parse (build.mjs
// lazyRecovery). That holds only while no other module needs Chevrotain at
// run time: this checks the sources, so a value import of it anywhere else
// (a createToken, a tokenMatcher) fails here rather than silently loading
// Chevrotain at every start again.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

const ROOT = join(import.meta.dirname, "../../..");
const SOURCES = ["server/src", "client/src"].map((dir) => join(ROOT, dir));

/** The modules behind the recovering parse, which may use Chevrotain. */
const RECOVERY = new Set(["server/src/core/syntax/parse-with-recovery.ts", "server/src/core/syntax/parser.ts", "server/src/core/syntax/error-messages.ts"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

const files = SOURCES.flatMap(sourceFiles).map((path) => ({ path: relative(ROOT, path), text: readFileSync(path, "utf8") }));

/** Every import statement of `text` (one or several lines), as written. */
function imports(text: string): string[] {
  return [...text.matchAll(/^import\s[^;]*?from\s+"([^"]+)";/gms)].map((m) => m[0]);
}

describe("Chevrotain stays behind the recovering parse", () => {
  it("no other module imports a value from chevrotain", () => {
    assert.ok(files.length > 50);
    for (const { path, text } of files) {
      if (RECOVERY.has(path)) continue;
      for (const statement of imports(text)) {
        if (!/from\s+"chevrotain"/.test(statement)) continue;
        assert.match(statement, /^import type\s/, `${path} imports from chevrotain at run time: ${statement}`);
      }
    }
  });

  it("only parse.ts imports the recovering parse, and only it and the parser import the parser's modules", () => {
    for (const { path, text } of files) {
      for (const statement of imports(text)) {
        if (/\/parse-with-recovery"/.test(statement)) assert.equal(path, "server/src/core/syntax/parse.ts", `${path}: ${statement}`);
        if (/\/(parser|error-messages)"/.test(statement) && !/^import type\s/.test(statement)) assert.ok(RECOVERY.has(path), `${path}: ${statement}`);
      }
    }
  });
});
