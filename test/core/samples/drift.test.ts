import assert from "node:assert/strict";
import { driftDiagnostics, responseDrift } from "../../../server/src/core/samples/drift";
import { parseSample, type ResponseSample } from "../../../server/src/core/samples/sample";
import { parse } from "../../../server/src/core/syntax/parse";
import type { CallStep } from "../../../server/src/core/syntax/ast";
import { sampleFile } from "../../helpers/samples";

const TEXT = `call lookup_order {
  GET https://shop.example.com/orders/1
  save status = order.status
  save total = order.total
  save sku = order.items[0].sku
  save note = order.note
  save never = order.not_in_sample
}
`;
const step = parse(TEXT).ast.steps[0] as CallStep;

const SAMPLE_BODY = { order: { status: "shipped", total: 12.5, items: [{ sku: "A" }], note: null, extra: 1 } };
const sample = (body: unknown = SAMPLE_BODY, extra: Record<string, unknown> = {}): ResponseSample => {
  const parsed = parseSample(sampleFile(body, extra));
  assert.ok(parsed.ok);
  return parsed.sample;
};
const messages = (response: { status: number; json?: { value: unknown } }, s = sample()) => responseDrift(step, s, response).map((f) => f.message);

describe("response drift", () => {
  it("finds nothing when the response has every saved path with the same types, whatever the values and new fields", () => {
    assert.deepEqual(messages({ status: 201, json: { value: { order: { status: "pending", total: 3, items: [{ sku: "Z" }, { sku: "Y" }], note: "hi", brand_new: true } } } }), []);
  });

  it("reports a saved path gone from the response, on the path's span", () => {
    const findings = responseDrift(step, sample(), { status: 200, json: { value: { order: { state: "shipped", total: 1, items: [], note: null } } } });
    assert.deepEqual(findings.map((f) => f.message), [
      "lookup_order: order.status is gone from the response (saved as status)",
      "lookup_order: order.items[0].sku is gone from the response (saved as sku)",
    ]);
    assert.equal(TEXT.slice(findings[0].span.start, findings[0].span.end), "order.status");
    assert.equal(findings[0].kind, "gone");
  });

  it("reports a changed JSON type; null to a value and back is not drift", () => {
    assert.deepEqual(messages({ status: 200, json: { value: { order: { status: 3, total: "12.50", items: [{ sku: ["A"] }], note: { text: "x" } } } } }), [
      "lookup_order: order.status is a number in the response, the sample's is a string (saved as status)",
      "lookup_order: order.total is a string in the response, the sample's is a number (saved as total)",
      "lookup_order: order.items[0].sku is an array in the response, the sample's is a string (saved as sku)",
    ]);
    assert.deepEqual(messages({ status: 200, json: { value: { order: { status: null, total: 1, items: [{ sku: "A" }], note: null } } } }), []);
  });

  it("judges items by the union of their types", () => {
    const mixed = sample({ order: { status: "s", total: 1, items: [{ sku: "A" }, { sku: 7 }] } });
    assert.deepEqual(messages({ status: 200, json: { value: { order: { status: "s", total: 1, items: [{ sku: 8 }] } } } }, mixed), []);
  });

  it("reports a status that left 2xx once, on the step's name", () => {
    const findings = responseDrift(step, sample(), { status: 404, json: { value: { error: "gone" } } });
    assert.deepEqual(findings.map((f) => f.message), ["lookup_order: the response status is 404, the sample's was 200 (the call now takes the failure branch)"]);
    assert.equal(TEXT.slice(findings[0].span.start, findings[0].span.end), "lookup_order");
  });

  it("reports a body that stopped being JSON", () => {
    assert.deepEqual(messages({ status: 200 }), ["lookup_order: the response has no JSON body any more, so status, total, sku, note would be unset"]);
  });

  it("compares nothing against a sample that cannot say: a non-2xx sample, one without JSON, paths below a cut", () => {
    assert.deepEqual(messages({ status: 500 }, sample({ error: "x" }, { status: 503 })), []);
    const noJson = parseSample(JSON.stringify({ status: 200, recorded: "2026-11-30T09:15:00Z", reason: "the response is not JSON" }));
    assert.ok(noJson.ok);
    assert.deepEqual(messages({ status: 200, json: { value: {} } }, noJson.sample), []);
    const cut = sample({ order: { status: "s", total: 1, note: null, items: [] } }, { capped: [{ path: "order.items", kept: 0, of: 900, allShapes: false }] });
    assert.deepEqual(messages({ status: 200, json: { value: { order: { status: "s", total: 1, note: null, items: [] } } } }, cut), []);
  });

  it("becomes diagnostics with the response-drift code, for check's output format", () => {
    const [d] = driftDiagnostics(responseDrift(step, sample(), { status: 200, json: { value: { order: { total: 1, items: [{ sku: "A" }], note: null } } } }));
    assert.deepEqual({ code: d.code, severity: d.severity, message: d.message }, { code: "response-drift", severity: "error", message: "lookup_order: order.status is gone from the response (saved as status)" });
  });
});
