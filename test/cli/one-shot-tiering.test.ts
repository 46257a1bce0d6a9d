// When V8 hands a hot function to TurboFan (server/src/cli/one-shot-tiering.ts):
// later once `botflow check` reads a large input. Each case runs in a fresh
// `node --trace-opt`, which prints a line for each function marked for
// optimization.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateFlow } from "../../bench/generate-flow";
import { LARGE_INPUT_CHARS, tierUpFlag } from "../../server/src/cli/one-shot-tiering";
import { ensureBuilt, ROOT } from "../helpers/lsp-client";

/** A function called 8,000 times: marked under V8's own threshold (Node 20 and 22 alike), not under four times it. */
const HOT = `function hot(x) { return (x * 2 + 1) % 1000; }
let s = 0;
for (let i = 0; i < 8000; i++) s = hot(s);`;

// Both cases, and both sides of each, run without on-stack replacement:
// otherwise the probe's loop can be compiled on a worker thread first, with
// `hot` inlined, and whether `hot` itself is still marked depends on how soon
// that thread finishes (seen failing under load).
function traced(args: string[]): string {
  return execFileSync(process.execPath, ["--trace-opt", "--no-use-osr", ...args], { cwd: ROOT, encoding: "utf8" });
}

const marked = (out: string) => out.split("\n").filter((l) => l.startsWith("[marking")).length;

describe("cli: when V8 optimizes", function () {
  this.timeout(60_000);
  let dir: string;
  before(ensureBuilt);
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "botflow-tiering-"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("tierUpLater: a function hot enough for V8's own threshold is no longer optimized", () => {
    assert.match(traced(["-e", HOT]), /marking \S+ <JSFunction hot /, "the probe is optimized as V8 ships");
    const tiering = JSON.stringify(join(ROOT, "server/src/cli/one-shot-tiering.ts"));
    assert.doesNotMatch(traced(["--import", "tsx", "-e", `require(${tiering}).tierUpLater();\n${HOT}`]), /marking \S+ <JSFunction hot /);
  });

  it("botflow check of a large file optimizes far less, unless the user gave the threshold", () => {
    const flag = tierUpFlag();
    if (!flag) return; // a V8 line not measured: nothing is set
    const file = join(dir, "large.flow");
    const text = generateFlow(3000);
    assert.ok(text.length >= LARGE_INPUT_CHARS);
    writeFileSync(file, text);
    const tiered = marked(traced(["bin/botflow.js", "check", file]));
    const asShipped = marked(traced([`${flag.name}=${flag.usual}`, "bin/botflow.js", "check", file]));
    assert.ok(tiered * 2 < asShipped, `${tiered} functions marked with the check's threshold, ${asShipped} with V8's`);
  });
});
