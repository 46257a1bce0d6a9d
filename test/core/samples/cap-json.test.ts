import assert from "node:assert/strict";
import { capJson, MAX_DEPTH, MAX_EXTRA_SHAPES, MAX_ITEMS, MAX_STRING, MAX_VALUES } from "../../../server/src/core/samples/cap-json";
import { lookupPath, samplePaths } from "../../../server/src/core/samples/sample-paths";
import { checkPath } from "../../../server/src/core/samples/step-sample";
import { prng } from "../../helpers/prng";
import { randomJson } from "../../helpers/random-json";

describe("capping a sample", () => {
  it("leaves a small response as it is, with no cap note", () => {
    const body = { order: { id: 1, items: [{ sku: "A" }], note: "short" } };
    assert.deepEqual(capJson(body), { value: body, capped: [] });
  });

  it("keeps the first MAX_ITEMS items of a long array and notes the cut", () => {
    const items = Array.from({ length: 250 }, (_, i) => ({ sku: `S${i}` }));
    const { value, capped } = capJson({ items });
    assert.deepEqual((value as { items: unknown[] }).items, items.slice(0, MAX_ITEMS));
    assert.deepEqual(capped, [{ path: "items", kept: MAX_ITEMS, of: 250, allShapes: true }]);
  });

  it("keeps later items that bring a new shape (a new key, or a new type)", () => {
    const items: unknown[] = Array.from({ length: 100 }, () => ({ sku: "A" }));
    items[60] = { sku: "B", gift: true };
    items[70] = { sku: 7 };
    items[80] = { sku: "C", gift: false }; // same shape as 60: dropped
    const { value, capped } = capJson(items);
    const kept = value as unknown[];
    assert.equal(kept.length, MAX_ITEMS + 2);
    assert.deepEqual(kept.slice(MAX_ITEMS), [{ sku: "B", gift: true }, { sku: 7 }]);
    assert.deepEqual(capped, [{ path: "$", kept: MAX_ITEMS + 2, of: 100, allShapes: true }]);
  });

  it("says when new shapes had to be dropped, so paths below are not judged", () => {
    const items: unknown[] = Array.from({ length: MAX_ITEMS + MAX_EXTRA_SHAPES + 5 }, (_, i) => (i < MAX_ITEMS ? { a: 1 } : { [`k${i}`]: 1 }));
    const { value, capped } = capJson({ items });
    assert.equal((value as { items: unknown[] }).items.length, MAX_ITEMS + MAX_EXTRA_SHAPES);
    assert.equal(capped[0].allShapes, false);
    const source = { origin: "recorded sample" as const, value, capped };
    assert.equal(checkPath(source, [{ kind: "key", key: "items" }, { kind: "index", index: 0 }, { kind: "key", key: "k64" }]).kind, "unknown");
  });

  it("cuts long strings (never inside a surrogate pair) and keeps their type", () => {
    const { value } = capJson({ a: "x".repeat(5000), b: `${"y".repeat(MAX_STRING - 2)}😀tail` });
    const { a, b } = value as { a: string; b: string };
    assert.equal(a.length, MAX_STRING);
    assert.ok(a.endsWith("…"));
    assert.ok(!/[\ud800-\udbff]…$/.test(b), "a lone high surrogate before the ellipsis");
    assert.ok(b.length <= MAX_STRING);
  });

  it("keeps containers deeper than MAX_DEPTH empty, with a note, whatever the input depth", () => {
    let deep: unknown = { leaf: 1 };
    for (let i = 0; i < 20_000; i++) deep = { a: deep };
    const { value, capped } = capJson(deep);
    assert.equal(capped.length, 1);
    assert.equal(capped[0].kept, 0);
    assert.equal(capped[0].allShapes, false);
    let v = value as Record<string, unknown>;
    for (let i = 0; i < MAX_DEPTH; i++) v = v.a as Record<string, unknown>;
    assert.deepEqual(v, {});
  });

  it("stops at MAX_VALUES values and empties what is left", () => {
    const wide = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`k${i}`, Array.from({ length: 19 }, (_, j) => ({ j }))]));
    const { value, capped } = capJson(wide);
    assert.ok(samplePaths(value).paths.length < MAX_VALUES);
    let count = 0;
    const stack: unknown[] = [value];
    while (stack.length) {
      const v = stack.pop();
      count++;
      if (v && typeof v === "object") stack.push(...Object.values(v));
    }
    assert.ok(count <= MAX_VALUES, `${count} values kept`);
    assert.ok(capped.length > 0 && capped.every((n) => !n.allShapes));
  });

  it("seeded: every path of the response is still found, or is below a noted cut (seed 1414)", () => {
    const next = prng(1414);
    for (let round = 0; round < 200; round++) {
      const body = randomJson(next);
      const { value, capped } = capJson(body);
      const source = { origin: "recorded sample" as const, value, capped };
      for (const p of samplePaths(body).paths) {
        assert.notEqual(checkPath(source, p.segments).kind, "missing", `round ${round}: ${p.path} lost without a cap note`);
      }
      // and nothing is invented: every kept path was in the response
      for (const p of samplePaths(value).paths) assert.ok(lookupPath(body, p.segments).found, `round ${round}: ${p.path} invented`);
    }
  });
});
