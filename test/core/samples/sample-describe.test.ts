import assert from "node:assert/strict";
import { pathInfo, pathOffers, recordedAgo, sampleSummary } from "../../../server/src/core/samples/sample-describe";
import { parseSample } from "../../../server/src/core/samples/sample";
import { parse } from "../../../server/src/core/syntax/parse";
import type { CallStep } from "../../../server/src/core/syntax/ast";
import { RECORDED, samplesOf } from "../../helpers/samples";

const step = parse(`call lookup_order {\n  GET https://shop.example.com/orders/1\n  save city = order.shipping.city\n}\n`).ast.steps[0] as CallStep;
const samples = samplesOf({ lookup_order: { order: { shipping: { city: "Lyon" }, items: [{ sku: "A" }, { sku: 2 }] } } });
const now = new Date("2026-12-02T09:15:00.000Z");

describe("describing a sample for the editor", () => {
  it("gives the value, types and recording time at a save path (hover)", () => {
    assert.deepEqual(pathInfo(step, samples, step.saves[0].path!.segments), { value: '"Lyon"', types: ["string"], origin: "recorded sample", recorded: RECORDED });
    assert.deepEqual(pathInfo(step, samples, [{ kind: "key", key: "order" }, { kind: "key", key: "items" }, { kind: "index", index: 9 }, { kind: "key", key: "sku" }])?.types, ["string", "number"]);
    assert.equal(pathInfo(step, samples, [{ kind: "key", key: "nope" }]), undefined);
    assert.equal(pathInfo(step, new Map(), []), undefined);
  });

  it("offers the sample's paths with their types (completion)", () => {
    assert.deepEqual(pathOffers(step, samples), [
      { path: "order", types: ["object"], value: "{2 keys}" },
      { path: "order.shipping", types: ["object"], value: "{1 key}" },
      { path: "order.shipping.city", types: ["string"], value: '"Lyon"' },
      { path: "order.items", types: ["array"], value: "[2 items]" },
      { path: "order.items[0]", types: ["object"], value: "{1 key}" },
      { path: "order.items[0].sku", types: ["string", "number"], value: '"A"' },
    ]);
    assert.deepEqual(pathOffers(step, new Map()), []);
  });

  it("sums a sample up for the lens: status and age", () => {
    const parsed = parseSample(JSON.stringify({ status: 200, statusText: "OK", recorded: "2026-11-30T08:00:00Z", body: {} }));
    assert.ok(parsed.ok);
    assert.equal(sampleSummary(parsed.sample, now), "200 OK · recorded 2 days ago");
  });

  it("words a recording's age", () => {
    const ago = (ms: number) => recordedAgo(new Date(now.getTime() - ms).toISOString(), now);
    assert.equal(ago(-5000), "recorded just now");
    assert.equal(ago(30_000), "recorded just now");
    assert.equal(ago(60_000), "recorded 1 minute ago");
    assert.equal(ago(5 * 60_000), "recorded 5 minutes ago");
    assert.equal(ago(3 * 3_600_000), "recorded 3 hours ago");
    assert.equal(ago(30 * 3_600_000), "recorded yesterday");
    assert.equal(ago(2 * 86_400_000), "recorded 2 days ago");
    assert.equal(ago(60 * 86_400_000), "recorded on 2026-10-03");
    assert.equal(recordedAgo("garbage", now), "recorded at an unknown time");
  });
});
