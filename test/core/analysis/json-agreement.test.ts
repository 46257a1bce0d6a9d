// A body is accepted exactly when JSON.parse accepts it (variables put in)
// and its strings are well-formed: checked on hand-written corpora of valid
// and invalid texts (in the spirit of JSONTestSuite) and on seeded generated
// values, each pasted under `body` tab-indented, two-space-indented,
// flush-left, with CRLF line ends and on one line, through analyze().

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { analyze } from "../../../server/src/core/analyze";
import { checkJsonBody } from "../../../server/src/core/analysis/json-body";
import type { CallStep } from "../../../server/src/core/syntax/ast";
import { prng, pick } from "../../helpers/prng";
import { generateValue, layOut, LAYOUTS, MISTAKES, oracleAccepts, withValues, withVariables } from "./json-generator";

const DATA = join(dirname(fileURLToPath(import.meta.url)), "data");
const corpus = (name: string) => readFileSync(join(DATA, name), "utf8").split("\n").filter((l) => l && !l.startsWith("#"));

const SEED = 12;
const VALUES = 400;

/** A call step with the body pasted after `body ` and a save line after it. */
function flowWithBody(json: string, eol = "\n"): string {
  return ["ask v \"?\"", "call c {", "  POST https://api.example.com/x", `  body ${json}`, "  save id = a.id", "  on success {", "    say \"{{id}} {{v}}\"", "  }", "}", ""].join(eol);
}

/** Whether analyze() accepts the body: no json-invalid, no syntax error, and the save line still in the step. */
function acceptedInFlow(json: string, eol = "\n"): { ok: boolean; why: string } {
  const a = analyze(flowWithBody(json, eol));
  const bad = a.diagnostics.filter((d) => d.code === "json-invalid" || d.code === "syntax");
  const call = a.ast.steps[1] as CallStep | undefined;
  const ok = bad.length === 0 && call?.saves.length === 1 && call.bodies.length === 1;
  return { ok, why: bad.map((d) => `${d.code}: ${d.message}`).join(" | ") };
}

function flaggedInFlow(json: string): boolean {
  return analyze(flowWithBody(json)).diagnostics.some((d) => d.code === "json-invalid");
}

describe("json bodies agree with JSON.parse", function () {
  this.timeout(120_000);

  it("accepts every valid text of the corpus, as a body and in a flow", () => {
    const cases = corpus("json-valid.txt");
    assert.ok(cases.length > 60);
    for (const text of cases) {
      assert.ok(oracleAccepts(text), `corpus says valid but JSON.parse refuses: ${text}`);
      assert.equal(checkJsonBody(text, 0), undefined, text);
      const { ok, why } = acceptedInFlow(text);
      assert.ok(ok, `${text}: ${why}`);
    }
  });

  it("flags every invalid text of the corpus, as a body and in a flow", () => {
    const cases = [...corpus("json-invalid.txt"), "\"raw\u0000nul\"", "\"raw \ud800 surrogate\"", "\ufeff{}", "[1,\u00a02]", "\"a\u001fb\""];
    assert.ok(cases.length > 70);
    for (const text of cases) {
      assert.ok(!oracleAccepts(text), `corpus says invalid but it is accepted by the oracle: ${text}`);
      assert.ok(checkJsonBody(text, 0), `not flagged: ${JSON.stringify(text)}`);
      assert.ok(flaggedInFlow(text), `not flagged in a flow: ${JSON.stringify(text)}`);
    }
  });

  it(`accepts ${VALUES} generated values in every layout (seed ${SEED})`, () => {
    const next = prng(SEED);
    let generated = 0;
    let accepted = 0;
    const failures: string[] = [];
    for (let i = 0; i < VALUES; i++) {
      const value = generateValue(next);
      for (const layout of LAYOUTS) {
        const raw = layOut(value, layout);
        const json = withVariables(raw);
        assert.ok(oracleAccepts(withValues(raw)), "the generator made an invalid value");
        generated++;
        const { ok, why } = acceptedInFlow(json, layout === "crlf" ? "\r\n" : "\n");
        if (ok && !checkJsonBody(json, 0)) accepted++;
        else if (failures.length < 5) failures.push(`${layout}: ${JSON.stringify(json)} ${why}`);
      }
    }
    console.log(`      valid bodies accepted / generated: ${accepted} / ${generated}`);
    assert.deepEqual(failures, []);
    assert.equal(accepted, generated);
  });

  it(`agrees with the oracle on ${VALUES} generated mistakes (seed ${SEED})`, () => {
    const next = prng(SEED + 1);
    let invalid = 0;
    let flagged = 0;
    let agreed = 0;
    const failures: string[] = [];
    for (let i = 0; i < VALUES; i++) {
      const raw = layOut(generateValue(next), pick(next, LAYOUTS));
      const [name, mistake] = pick(next, MISTAKES);
      const broken = mistake(raw, next);
      const accepts = oracleAccepts(withValues(broken));
      const verdict = checkJsonBody(withVariables(broken), 0) === undefined;
      if (verdict === accepts) agreed++;
      else if (failures.length < 5) failures.push(`${name}: oracle ${accepts}, ours ${verdict}: ${JSON.stringify(broken)}`);
      if (!accepts) {
        invalid++;
        if (!verdict && flaggedInFlow(withVariables(broken))) flagged++;
        else if (failures.length < 5) failures.push(`${name}: not flagged in a flow: ${JSON.stringify(broken)}`);
      }
    }
    console.log(`      invalid bodies flagged / generated: ${flagged} / ${invalid} (agreement ${agreed} / ${VALUES})`);
    assert.deepEqual(failures, []);
    assert.equal(flagged, invalid);
  });
});
