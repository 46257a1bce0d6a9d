import { strict as assert } from "node:assert";
import { storedText, valueAtPath } from "../../../server/src/core/engine/response-value";
import type { PathSegment } from "../../../server/src/core/syntax/ast";

const span = { start: 0, end: 0 };
const key = (k: string): PathSegment => ({ kind: "key", key: k, span });
const index = (i: number): PathSegment => ({ kind: "index", index: i, span });

describe("engine: response values for save", () => {
  const body = { order: { items: [{ sku: "A1" }], "odd key": { id: 5 }, paid: true, note: null } };

  it("follows keys and indexes", () => {
    assert.equal(valueAtPath(body, [key("order"), key("items"), index(0), key("sku")]), "A1");
    assert.equal(valueAtPath(body, [key("order"), key("odd key"), key("id")]), 5);
  });

  it("gives the whole body for $ (no segments)", () => {
    assert.equal(valueAtPath(body, []), body);
  });

  it("gives undefined for missing keys, indexes past the end and wrong shapes", () => {
    assert.equal(valueAtPath(body, [key("order"), key("nope")]), undefined);
    assert.equal(valueAtPath(body, [key("order"), key("items"), index(3)]), undefined);
    assert.equal(valueAtPath(body, [key("order"), index(0)]), undefined);
    assert.equal(valueAtPath(body, [key("order"), key("items"), key("length")]), undefined);
    assert.equal(valueAtPath(body, [key("toString")]), undefined);
  });

  it("stores text as is, numbers and booleans as text, objects as JSON, null as unset", () => {
    assert.equal(storedText("x"), "x");
    assert.equal(storedText(4.5), "4.5");
    assert.equal(storedText(false), "false");
    assert.equal(storedText({ a: [1] }), `{"a":[1]}`);
    assert.equal(storedText(null), undefined);
    assert.equal(storedText(undefined), undefined);
  });
});
