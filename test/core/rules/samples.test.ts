// The samples are documentation: the valid ones must stay spotless, and each
// `# code` comment in broken.flow must be true — the codes it names are
// reported on its line (or, for a comment on a line of its own, the next
// statement line), and nothing is reported that no comment announces.

import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { RULES } from "../../../server/src/core/rules/index";
import { applyEdits, diagnose } from "./kit";
import { analyze } from "../../../server/src/core/analysis/document";
import { loadFlowSamples } from "../../../server/src/cli/sample-files";

const SAMPLES = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "samples");
const CODES = RULES.map((r) => r.code).sort((a, b) => b.length - a.length);

describe("samples", () => {
  const files = readdirSync(SAMPLES).filter((f) => f.endsWith(".flow")).sort();

  for (const file of files.filter((f) => f !== "broken.flow")) {
    it(`${file} has no diagnostics at all`, () => {
      const diagnostics = diagnose(readFileSync(join(SAMPLES, file), "utf8"));
      assert.deepEqual(diagnostics.map((d) => `${d.severity} ${d.code}: ${d.message}`), []);
    });

    it(`${file} starts with a comment saying what it shows`, () => {
      const text = readFileSync(join(SAMPLES, file), "utf8");
      assert.match(text, /^# .+\n#/);
    });
  }

  it("broken.flow reports exactly what its comments announce (with its recorded samples)", async () => {
    const text = readFileSync(join(SAMPLES, "broken.flow"), "utf8");
    const { diagnostics, lines } = analyze(text, undefined, { samples: await loadFlowSamples(join(SAMPLES, "broken.flow")) });
    const source = text.split("\n");
    const announced = new Map<number, Set<string>>();
    source.forEach((line, i) => {
      const hash = commentStart(line);
      if (hash < 0 || i < 8) return;
      const comment = line.slice(hash);
      const codes = CODES.filter((c) => new RegExp(`(^|[^a-z-])${c}($|[^a-z-])`).test(comment));
      if (!codes.length) return;
      let target = i;
      if (!line.slice(0, hash).trim()) do target++; while (!source[target].trim() || source[target].trim().startsWith("#"));
      const set = announced.get(target) ?? new Set();
      for (const c of codes) set.add(c);
      announced.set(target, set);
    });
    const reported = new Map<number, Set<string>>();
    for (const d of diagnostics) {
      const line = lines.positionAt(d.span.start).line;
      const set = reported.get(line) ?? new Set();
      set.add(d.code);
      reported.set(line, set);
    }
    const show = (m: Map<number, Set<string>>) => [...m].sort((a, b) => a[0] - b[0]).map(([l, s]) => `${l + 1}: ${[...s].sort().join(", ")}`);
    assert.ok(announced.size >= 20, `only ${announced.size} announced lines`);
    assert.deepEqual(show(reported), show(announced));
  });

  it("every quick fix offered on broken.flow removes its diagnostic and breaks nothing else", async () => {
    const text = readFileSync(join(SAMPLES, "broken.flow"), "utf8");
    const inputs = { samples: await loadFlowSamples(join(SAMPLES, "broken.flow")) };
    const before = diagnose(text, inputs);
    const count = (ds: typeof before, code: string) => ds.filter((d) => d.code === code).length;
    let fixes = 0;
    for (const d of before) {
      for (const fix of d.fixes ?? []) {
        fixes++;
        const after = diagnose(applyEdits(text, fix.edits), inputs);
        assert.ok(count(after, d.code) < count(before, d.code), `${d.code}: "${fix.title}" left it`);
        assert.ok(count(after, "syntax") <= count(before, "syntax"), `${d.code}: "${fix.title}" made a syntax error`);
      }
    }
    assert.ok(fixes >= 8, `only ${fixes} fixes offered`);
  });
});

/** Where a `#` comment starts on a line, outside strings; request lines and bodies have none. */
function commentStart(line: string): number {
  if (/^\s*(GET|POST|PUT|PATCH|DELETE)\s/.test(line)) return -1;
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === "\\" && inString) i++;
    else if (line[i] === "\"") inString = !inString;
    else if (line[i] === "#" && !inString) return i;
  }
  return -1;
}
