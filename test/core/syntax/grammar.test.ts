// The shipped parser skips Chevrotain's grammar validations at start-up;
// this test runs them, so an ambiguous or left-recursive change still fails.
import assert from "node:assert/strict";
import { FlowParser } from "../../../server/src/core/syntax/parser";

describe("grammar", () => {
  it("passes Chevrotain's validations", () => {
    FlowParser.validate = true;
    try {
      assert.doesNotThrow(() => new FlowParser());
    } finally {
      FlowParser.validate = false;
    }
  });
});
