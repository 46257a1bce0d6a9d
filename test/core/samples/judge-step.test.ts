import assert from "node:assert/strict";
import { judgeStep, mayRecord, type StepRun } from "../../../server/src/core/samples/judge-step";
import { parseSample, type SampleLoad } from "../../../server/src/core/samples/sample";
import { parse } from "../../../server/src/core/syntax/parse";
import type { CallStep } from "../../../server/src/core/syntax/ast";
import { sampleFile } from "../../helpers/samples";

const step = parse(`call lookup_order {\n  GET https://shop.example.com/orders/1\n  save status = order.status\n}\n`).ast.steps[0] as CallStep;
const good: SampleLoad = parseSample(sampleFile({ order: { status: "shipped" } }));
const broken: SampleLoad = { ...parseSample("{"), file: ".botflow/samples/o/lookup_order.json" };
const sent = (status: number, body?: unknown): StepRun => ({
  kind: "sent", branch: status >= 200 && status < 300 ? "success" : "failure", timeMs: 12,
  response: { status, ...(body === undefined ? {} : { json: { value: body } }) },
});

describe("judging a step in a drift run", () => {
  it("passes a matching response, and one without a sample (with a note)", () => {
    assert.deepEqual(judgeStep(step, good, sent(200, { order: { status: "pending", more: 1 } })), { kind: "passed" });
    assert.deepEqual(judgeStep(step, undefined, sent(200, {})), { kind: "passed", note: "lookup_order: no sample to compare with (record one with --record)" });
  });

  it("reports drift as response-drift diagnostics", () => {
    const verdict = judgeStep(step, good, sent(200, { order: {} }));
    assert.equal(verdict.kind, "drift");
    assert.deepEqual(verdict.kind === "drift" && verdict.diagnostics.map((d) => `${d.severity} ${d.code}: ${d.message}`), ["error response-drift: lookup_order: order.status is gone from the response (saved as status)"]);
    assert.equal(judgeStep(step, good, sent(500, { error: "x" })).kind, "drift");
  });

  it("reports a failure branch without a sample to compare with, or with no response", () => {
    assert.deepEqual(judgeStep(step, undefined, sent(404, {})), { kind: "failure", reason: "lookup_order: HTTP 404" });
    assert.deepEqual(judgeStep(step, good, { kind: "sent", branch: "failure", reason: "timed out after 10000 ms", timeMs: 10000 }), { kind: "failure", reason: "lookup_order: timed out after 10000 ms" });
  });

  it("skips an unsendable step, whatever its sample", () => {
    assert.deepEqual(judgeStep(step, broken, { kind: "unsendable", reason: "not sent: $TOKEN is not set" }), { kind: "skipped", reason: "not sent: $TOKEN is not set" });
  });

  it("fails a step whose sample file cannot be used, and never records over it", () => {
    const verdict = judgeStep(step, broken, sent(200, { order: { status: "x" } }));
    assert.equal(verdict.kind, "sample-invalid");
    assert.match(verdict.kind === "sample-invalid" ? verdict.diagnostics[0].message : "", /^The recorded sample \.botflow\/samples\/o\/lookup_order\.json of lookup_order cannot be used: it is not valid JSON/);
    assert.deepEqual(mayRecord(broken, sent(200, {})).ok, false);
    assert.match((mayRecord(broken, sent(200, {})) as { reason: string }).reason, /fix or delete it to record a new one/);
    assert.deepEqual(mayRecord(good, sent(200, {})), { ok: true });
    assert.deepEqual(mayRecord(undefined, sent(404, {})), { ok: true });
    assert.deepEqual(mayRecord(good, sent(503, {})), { ok: false, reason: "the response is 503: the 200 sample is kept" });
    assert.deepEqual(mayRecord(undefined, { kind: "sent", branch: "failure", timeMs: 1 }), { ok: false, reason: "no response to record" });
  });
});
