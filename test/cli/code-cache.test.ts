// The CLI bundles' V8 code cache (server/src/cli/code-cache.ts): a cache is
// used only for the exact bytes and Node it was made for; anything else is
// ignored and the bundle loads as a plain require. Each case runs in a fresh
// `node` (V8 accepts cached data only from the same flags; tsx's process has
// its own), loading the compiled loader (dist/load-bundle.js).

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureBuilt, ROOT } from "../helpers/lsp-client";

const LOADER = join(ROOT, "dist/load-bundle.js");

/** Runs `code` in a fresh node with `loader` bound to dist/load-bundle.js; returns its stdout. */
function node(code: string): string {
  return execFileSync(process.execPath, ["-e", `const loader = require(${JSON.stringify(LOADER)});\n${code}`], { encoding: "utf8" });
}

describe("cli: the bundles' code cache", function () {
  this.timeout(30_000);
  let dir: string;
  let bundle: string;
  before(ensureBuilt);
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "botflow-code-cache-"));
    bundle = join(dir, "bundle.js");
    writeFileSync(bundle, 'const { join } = require("node:path");\nexports.answer = () => 42;\nexports.where = join(__dirname, "x");\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const load = () => JSON.parse(node(`const m = loader.loadBundle(${JSON.stringify(bundle)}); console.log(JSON.stringify({ answer: m.answer(), where: m.where, cache: loader.cacheUse(${JSON.stringify(bundle)}) }));`)) as { answer: number; where: string; cache: string };
  const write = () => node(`loader.writeCodeCache(${JSON.stringify(bundle)}, (m) => m.answer()).then((n) => console.log(n));`);

  it("loads a bundle with no cache beside it as require does", () => {
    assert.deepEqual(load(), { answer: 42, where: join(dir, "x"), cache: "none" });
  });

  it("uses a cache made for the same bytes by the same node, with the module's own require and __dirname", () => {
    assert.ok(Number(write()) > 0);
    assert.ok(readFileSync(`${bundle}.cache`, "latin1").startsWith(`botflow-code-cache-2 `));
    assert.deepEqual(load(), { answer: 42, where: join(dir, "x"), cache: "used" });
  });

  it("ignores a cache once the bundle changed, even to a text of the same length", () => {
    write();
    writeFileSync(bundle, readFileSync(bundle, "utf8").replace("42", "43"));
    assert.deepEqual(load(), { answer: 43, where: join(dir, "x"), cache: "stale" });
  });

  it("ignores a cache made by another node version", () => {
    write();
    const cache = readFileSync(`${bundle}.cache`, "latin1");
    writeFileSync(`${bundle}.cache`, Buffer.from(cache.replace(` ${process.version} `, " v0.0.0 "), "latin1"));
    assert.equal(load().cache, "stale");
  });

  it("survives a cache whose data V8 refuses", () => {
    write();
    const cache = readFileSync(`${bundle}.cache`);
    // The header line, then a copy of the bundle's bytes, then V8's data: spoil the data alone.
    const data = cache.indexOf(10) + 1 + readFileSync(bundle).length;
    writeFileSync(`${bundle}.cache`, Buffer.concat([cache.subarray(0, data), Buffer.alloc(cache.length - data, 7)]));
    assert.deepEqual(load(), { answer: 42, where: join(dir, "x"), cache: "refused by V8" });
  });
});
