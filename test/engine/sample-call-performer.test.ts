import assert from "node:assert/strict";
import { sampleOutcome } from "../../server/src/core/engine/sample-call-performer";
import { parse } from "../../server/src/core/syntax/parse";
import type { CallStep } from "../../server/src/core/syntax/ast";
import { parseSample } from "../../server/src/core/samples/sample";
import { samplesOf } from "../helpers/samples";

const step = parse(`call lookup {\n  GET https://x.example.com/\n}\n`).ast.steps[0] as CallStep;

describe("sample call performer", () => {
  it("answers with the sample's status and body, success on 2xx", () => {
    assert.deepEqual(sampleOutcome(step, samplesOf({ lookup: { a: 1 } })), { branch: "success", status: 200, json: { value: { a: 1 } }, timeMs: 0, source: "sample" });
  });

  it("takes the failure branch on a recorded non-2xx, and carries the reason of a body that was not JSON", () => {
    const notJson = parseSample(JSON.stringify({ status: 502, recorded: "2026-11-30T09:15:00Z", reason: "the response is not JSON" }));
    assert.deepEqual(sampleOutcome(step, new Map([["lookup", notJson]])), { branch: "failure", status: 502, reason: "the response is not JSON", timeMs: 0, source: "sample" });
  });

  it("takes the failure branch, saying how to record one, without a usable sample", () => {
    assert.deepEqual(sampleOutcome(step, new Map()), { branch: "failure", reason: "no sample recorded: record one with botflow test FILE lookup --record", timeMs: 0, source: "sample" });
    const broken = sampleOutcome(step, samplesOf({}, { lookup: "[]" }));
    assert.equal(broken.reason, "its sample cannot be used (it is not a JSON object with status, recorded and body): record one with botflow test FILE lookup --record");
  });
});
