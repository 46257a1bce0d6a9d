// The shipped parser skips Chevrotain's grammar checks at start-up, and the
// shipped lexer is hand-written from the token definitions; these tests run
// Chevrotain's checks, so an ambiguous or left-recursive grammar change, or a
// broken token definition, still fails.
import assert from "node:assert/strict";
import { FlowParser } from "../../../server/src/core/syntax/parser";
import { chevrotainFlowLexer } from "../../helpers/chevrotain-lexer";

describe("grammar", () => {
  it("passes Chevrotain's validations", () => {
    FlowParser.validate = true;
    try {
      assert.doesNotThrow(() => new FlowParser());
    } finally {
      FlowParser.validate = false;
    }
  });

  it("has token definitions that pass Chevrotain's lexer validations", () => {
    // Built with its checks on, it throws on a definition error.
    const lexer = chevrotainFlowLexer();
    assert.deepEqual(lexer.lexerDefinitionErrors, []);
  });
});
