// Seeded mutations through analyze(): hostile edits never throw and give
// well-formed diagnostics; a single mistake (a stray token on a statement
// line, an unknown line inside a block) costs at most two diagnostics, all on
// that line, and every other diagnostic stays as it was.

import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { analyze } from "../../../server/src/core/analyze";
import type { Diagnostic } from "../../../server/src/core/types";
import { prng } from "../../helpers/prng";
import { hostileEdit, singleMistake, type Mutant } from "../../helpers/mutations";

const SAMPLES = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "samples");
const samples = readdirSync(SAMPLES).filter((f) => f.endsWith(".flow")).sort().map((f) => readFileSync(join(SAMPLES, f), "utf8"));

function lineOf(text: string, offset: number): number {
  let n = 0;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

const key = (d: Diagnostic, shift: (o: number) => number) => `${d.code} ${shift(d.span.start)}-${shift(d.span.end)} ${d.message}`;

/** Whether the mutant meets item 4: ≤ 2 new diagnostics, all on its line, the others unchanged. */
export function meetsOneMistakeOneDiagnostic(original: string, mutant: Mutant): string | undefined {
  const before = analyze(original).diagnostics;
  const after = analyze(mutant.text).diagnostics;
  const shift = (o: number) => (o >= mutant.at! ? o + mutant.inserted! : o);
  const onLine = (d: Diagnostic) => lineOf(mutant.text, d.span.start) === mutant.line;
  const kept = new Map<string, number>();
  for (const d of before) {
    const k = key(d, shift);
    kept.set(k, (kept.get(k) ?? 0) + 1);
  }
  const added: Diagnostic[] = [];
  for (const d of after) {
    const k = key(d, (o) => o);
    const n = kept.get(k) ?? 0;
    if (n > 0) kept.set(k, n - 1);
    else added.push(d);
  }
  // A diagnostic of the original on the mutated line may change (a longer URL); others must stay.
  const lost = [...kept].filter(([, n]) => n > 0).map(([k]) => k).filter((k) => {
    const start = Number(/ (\d+)-/.exec(k)![1]);
    return lineOf(mutant.text, start) !== mutant.line;
  });
  if (lost.length) return `lost: ${lost.join(" | ")}`;
  if (added.length > 2) return `${added.length} new diagnostics: ${added.map((d) => d.message).join(" | ")}`;
  const off = added.filter((d) => !onLine(d));
  if (off.length) return `new diagnostics off the line: ${off.map((d) => `${d.code} ${d.message}`).join(" | ")}`;
  return undefined;
}

describe("seeded mutations through analyze()", function () {
  this.timeout(120_000);

  it("a single mistake costs at most two diagnostics, all on its line (seed 1200)", () => {
    const next = prng(1200);
    let all = 0;
    let meeting = 0;
    const failures: string[] = [];
    for (let i = 0; i < 400; i++) {
      const original = samples[i % samples.length];
      const mutant = singleMistake(original, next);
      if (!mutant) continue;
      all++;
      const problem = meetsOneMistakeOneDiagnostic(original, mutant);
      if (!problem) meeting++;
      else if (failures.length < 5) failures.push(`${mutant.kind} on line ${mutant.line! + 1}: ${problem}`);
    }
    console.log(`      mutants meeting item 4 / all: ${meeting} / ${all}`);
    assert.deepEqual(failures, []);
  });

  it("hostile edits never throw and give well-formed diagnostics (seed 1201)", () => {
    const next = prng(1201);
    let text = samples[0];
    for (let i = 0; i < 300; i++) {
      const mutant = hostileEdit(i % 50 === 0 ? samples[(i / 50) % samples.length] : text, next);
      text = mutant.text.length > 400_000 ? samples[i % samples.length] : mutant.text;
      const ruleErrors: string[] = [];
      const { diagnostics } = analyze(text, (code, error) => ruleErrors.push(`${code}: ${String(error)}`));
      assert.deepEqual(ruleErrors, [], `${mutant.kind}: a rule threw`);
      for (const d of diagnostics) {
        assert.ok(d.span.start >= 0 && d.span.start <= d.span.end && d.span.end <= text.length, `${mutant.kind}: span ${JSON.stringify(d.span)}`);
        assert.ok(d.message && !/[\r\n]/.test(d.message), `${mutant.kind}: message ${JSON.stringify(d.message)}`);
      }
    }
  });
});
