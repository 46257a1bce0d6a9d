import assert from "node:assert/strict";
import { nestsDeeperThan } from "../../../server/src/core/response/json-nesting";

describe("response: how deep JSON nests", () => {
  it("counts a bare array or object as one level, scalars as none", () => {
    assert.equal(nestsDeeperThan(1, 0), false);
    assert.equal(nestsDeeperThan("x", 0), false);
    assert.equal(nestsDeeperThan(null, 0), false);
    assert.equal(nestsDeeperThan([], 0), true);
    assert.equal(nestsDeeperThan({}, 1), false);
    assert.equal(nestsDeeperThan({ a: [1, { b: [] }] }, 3), true);
    assert.equal(nestsDeeperThan({ a: [1, { b: [] }] }, 4), false);
  });

  it("finds one deep branch among wide shallow ones, at any depth, without recursion", () => {
    const wide = { items: Array.from({ length: 10_000 }, (_, i) => ({ i })) };
    assert.equal(nestsDeeperThan(wide, 3), false);
    const depth = 200_000;
    const deep = JSON.parse(`{"wide": ${JSON.stringify(wide)}, "deep": ${"[".repeat(depth)}${"]".repeat(depth)}}`);
    // the outer object, then `depth` arrays
    assert.equal(nestsDeeperThan(deep, depth + 1), false);
    assert.equal(nestsDeeperThan(deep, depth), true);
  });
});
