import assert from "node:assert/strict";
import { expectClean, expectRanges } from "./kit";

const call = (header: string) => `ask tag "Tag?"
call c {
  GET https://api.example.com/x
  ${header}
}
`;

describe("rule header-name", () => {
  it("reports a name with a space on the name", () => {
    const [d] = expectRanges(call(`header [["X Trace"]] "1"`), "header-name", "error");
    assert.match(d.message, /space/);
  });

  it("reports other characters that are not allowed, and an empty name", () => {
    expectRanges(call(`header [["X-Trace:"]] "1"`), "header-name", "error");
    expectRanges(call(`header [[""]] "1"`), "header-name", "error");
  });

  it("reports a variable in the name on the variable", () => {
    expectRanges(call(`header "X-[[{{tag}}]]" "1"`), "header-name", "error");
  });

  it("accepts tokens, and variables in the value", () => {
    expectClean(call(`header "X-Request-Id" "{{tag}}-{{conversation.id}}"`));
    expectClean(call(`header "Accept" "application/json"`));
  });
});
