import assert from "node:assert/strict";
import { lookupPath, MAX_PATH_DEPTH, samplePaths } from "../../../server/src/core/samples/sample-paths";
import type { FieldSegment } from "../../../server/src/core/response/response-path";
import { parse } from "../../../server/src/core/syntax/parse";

/** A save path as the parser reads it, so the path syntax is the language's own. */
function segments(path: string): FieldSegment[] {
  const { ast } = parse(`call c {\n  GET https://x.example.com/\n  save v = ${path}\n}\n`);
  const step = ast.steps[0];
  assert.ok(step.kind === "call" && step.saves[0].path, `no path parsed from ${path}`);
  return step.saves[0].path.segments.map((s) => (s.kind === "key" ? { kind: "key", key: s.key } : { kind: "index", index: s.index }));
}

const BODY = {
  order: {
    id: 1,
    items: [{ sku: "A", qty: 1 }, { sku: "B", gift: true, qty: "2" }, { sku: null }],
    "odd key": { id: "x" },
    "{{v}}": 1,
  },
};

describe("sample paths", () => {
  it("lists every path once, in document order, written as save paths, items as [0]", () => {
    const { paths, limited } = samplePaths(BODY);
    assert.equal(limited, false);
    assert.deepEqual(paths.map((p) => p.path), [
      "$", "order", "order.id", "order.items", "order.items[0]", "order.items[0].sku", "order.items[0].qty",
      "order.items[0].gift", 'order["odd key"]', 'order["odd key"].id', 'order["\\u007b\\u007bv}}"]',
    ]);
  });

  it("gives each path the union of its types across items, and the first value", () => {
    const byPath = new Map(samplePaths(BODY).paths.map((p) => [p.path, p]));
    assert.deepEqual(byPath.get("order.items[0].qty")!.types, ["number", "string"]);
    assert.deepEqual(byPath.get("order.items[0].sku")!.types, ["string", "null"]);
    assert.equal(byPath.get("order.items[0].sku")!.value, "A");
    assert.deepEqual(byPath.get("$")!.types, ["object"]);
  });

  it("every listed path is found by lookup (and so by a save line that writes it)", () => {
    for (const p of samplePaths(BODY).paths) {
      const found = lookupPath(BODY, segments(p.path));
      assert.ok(found.found, p.path);
      assert.deepEqual(found.types, p.types, p.path);
    }
  });

  it("looks up a save path with any index standing for every item", () => {
    assert.deepEqual(lookupPath(BODY, segments("order.items[7].gift")), { found: true, value: true, types: ["boolean"] });
    assert.deepEqual(lookupPath(BODY, segments('order["odd key"].id')), { found: true, value: "x", types: ["string"] });
    assert.deepEqual(lookupPath(BODY, segments("$")), { found: true, value: BODY, types: ["object"] });
    assert.deepEqual(lookupPath(BODY, segments("order.items.sku")), { found: false });
    assert.deepEqual(lookupPath(BODY, segments("order[0]")), { found: false });
    assert.deepEqual(lookupPath(BODY, segments("order.nope")), { found: false });
    assert.deepEqual(lookupPath({ a: [] }, segments("a[0]")), { found: false });
    // inherited properties are not fields
    assert.deepEqual(lookupPath({}, segments("constructor")), { found: false });
  });

  it("survives any depth without recursion, listing MAX_PATH_DEPTH levels", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 50_000; i++) deep = { a: deep };
    const { paths, limited } = samplePaths(deep);
    assert.equal(limited, true);
    assert.equal(paths.length, MAX_PATH_DEPTH + 1);
    const path = Array.from({ length: 50_000 }, () => ({ kind: "key", key: "a" }) as FieldSegment);
    assert.deepEqual(lookupPath(deep, path), { found: true, value: 1, types: ["number"] });
  });

  it("handles arrays too long to spread into a call", () => {
    const items = Array.from({ length: 300_000 }, (_, i) => ({ i }));
    assert.equal(lookupPath({ items }, segments("items[0].i")).found, true);
  });
});
