import assert from "node:assert/strict";
import { checkPath, exampleSource, pathSourceOf } from "../../../server/src/core/samples/step-sample";
import { parseSample } from "../../../server/src/core/samples/sample";
import { parse } from "../../../server/src/core/syntax/parse";
import type { CallStep } from "../../../server/src/core/syntax/ast";
import { samplesOf } from "../../helpers/samples";

const step = parse(`call lookup {\n  GET https://x.example.com/\n}\n`).ast.steps[0] as CallStep;

describe("what a step's paths are judged by", () => {
  it("uses a recorded sample with a JSON body and a 2xx status", () => {
    const source = pathSourceOf(step, samplesOf({ lookup: { a: 1 } }));
    assert.equal(source?.origin, "recorded sample");
    assert.deepEqual(source && checkPath(source, [{ kind: "key", key: "a" }]), { kind: "found", value: 1, types: ["number"] });
    assert.deepEqual(source && checkPath(source, [{ kind: "key", key: "b" }]), { kind: "missing" });
  });

  it("uses nothing for a sample that cannot judge, or another step's sample (no example yet: issue 12)", () => {
    const failed = parseSample(JSON.stringify({ status: 404, recorded: "2026-11-30T09:15:00Z", body: { error: 1 } }));
    assert.equal(pathSourceOf(step, new Map([["lookup", failed]])), undefined);
    assert.equal(pathSourceOf(step, samplesOf({}, { lookup: "" })), undefined);
    assert.equal(pathSourceOf(step, samplesOf({ other: { a: 1 } })), undefined);
  });

  it("turns an example's JSON text into a source (the phase-2 hook), and refuses text that is not JSON", () => {
    const source = exampleSource(`{"order": {"items": [{"sku": "A"}]}}`);
    assert.equal(source?.origin, "example");
    assert.equal(source && checkPath(source, [{ kind: "key", key: "order" }, { kind: "key", key: "items" }, { kind: "index", index: 3 }, { kind: "key", key: "sku" }]).kind, "found");
    assert.equal(exampleSource(`{"a": `), undefined);
  });
});
