// When V8 hands a hot function to TurboFan (server/src/cli/one-shot-tiering.ts):
// later in a one-shot command, as usual again in `botflow lsp`. Each case
// runs in a fresh `node --trace-opt`, where a function called 8,000 times is
// marked for TurboFan under V8's own threshold (Node 20 and 22 alike) and
// not under four times it.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureBuilt, ROOT } from "../helpers/lsp-client";

const HOT = `function hot(x) { return (x * 2 + 1) % 1000; }
let s = 0;
for (let i = 0; i < 8000; i++) s = hot(s);`;

/** Whether `hot` was marked for TurboFan after `setup` ran (CommonJS, or `--import tsx` for source). */
function markedHot(setup: string, tsx = false): boolean {
  const out = execFileSync(process.execPath, ["--trace-opt", ...(tsx ? ["--import", "tsx"] : []), "-e", `${setup}\n${HOT}`], { cwd: ROOT, encoding: "utf8" });
  return /marking \S+ <JSFunction hot /.test(out);
}

describe("cli: when V8 optimizes", function () {
  this.timeout(60_000);
  let dir: string;
  before(ensureBuilt);
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "botflow-tiering-"));
    writeFileSync(join(dir, "bundle.js"), "exports.answer = 42;\n");
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("under V8's own threshold, the probe function is optimized (the probe works)", () => {
    assert.equal(markedHot(""), true);
  });

  it("once the CLI's loader has loaded a bundle, it is not: one-shot commands tier up later", () => {
    const loader = JSON.stringify(join(ROOT, "dist/load-bundle.js"));
    assert.equal(markedHot(`require(${loader}).loadBundle(${JSON.stringify(join(dir, "bundle.js"))});`), false);
  });

  it("`botflow lsp` goes back to V8's threshold", () => {
    const tiering = JSON.stringify(join(ROOT, "server/src/cli/one-shot-tiering.ts"));
    assert.equal(markedHot(`const t = require(${tiering}); t.tierUpLater(); t.tierUpAsUsual();`, true), true);
  });
});
