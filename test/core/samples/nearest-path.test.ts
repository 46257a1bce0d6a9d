import assert from "node:assert/strict";
import { nearestPath } from "../../../server/src/core/samples/nearest-path";
import { samplePaths } from "../../../server/src/core/samples/sample-paths";
import type { FieldSegment } from "../../../server/src/core/response/response-path";

const key = (k: string): FieldSegment => ({ kind: "key", key: k });
const index = (i: number): FieldSegment => ({ kind: "index", index: i });

const BODY = {
  order: {
    status: "shipped",
    state: "done",
    shipping: { city: "Lyon", zip: "69001" },
    items: [{ sku: "A", quantity: 1 }],
    "delivery date": "2026-12-01",
  },
};
const PATHS = samplePaths(BODY).paths;

describe("nearest existing path", () => {
  it("corrects a typo in any segment", () => {
    assert.equal(nearestPath([key("order"), key("shiping"), key("city")], PATHS)?.path, "order.shipping.city");
    assert.equal(nearestPath([key("ordr"), key("shipping"), key("cty")], PATHS)?.path, "order.shipping.city");
    assert.equal(nearestPath([key("Order"), key("Status")], PATHS)?.path, "order.status");
  });

  it("keeps the typed index and writes odd keys in brackets", () => {
    assert.deepEqual(nearestPath([key("order"), key("items"), index(4), key("quantiy")], PATHS), {
      path: "order.items[4].quantity",
      segments: [key("order"), key("items"), index(4), key("quantity")],
    });
    assert.equal(nearestPath([key("order"), key("delivery_date")], PATHS)?.path, 'order["delivery date"]');
  });

  it("picks the closest when several are near, the first in document order on a tie", () => {
    assert.equal(nearestPath([key("order"), key("statu")], PATHS)?.path, "order.status");
    assert.equal(nearestPath([key("order"), key("stat")], PATHS)?.path, "order.state");
  });

  it("suggests nothing when no path is close, the shape differs, or the path exists", () => {
    assert.equal(nearestPath([key("order"), key("customer")], PATHS), undefined);
    assert.equal(nearestPath([key("order"), key("shipping"), key("city"), key("name")], PATHS), undefined);
    assert.equal(nearestPath([key("order"), index(0)], PATHS), undefined);
    assert.equal(nearestPath([key("order"), key("status")], PATHS), undefined);
    assert.equal(nearestPath([], PATHS), undefined);
    assert.equal(nearestPath([key("x".repeat(100_000))], samplePaths({ ["x".repeat(99_999) + "y"]: 1 }).paths), undefined);
  });
});
