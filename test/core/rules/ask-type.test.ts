import assert from "node:assert/strict";
import { applyFix, expectClean, expectRanges } from "./kit";

describe("rule ask-type", () => {
  it("reports an unknown answer type on the type", () => {
    const [d] = expectRanges(`ask email "Email?" as [[mail]]
say "{{email}}"
`, "ask-type", "error");
    assert.match(d.message, /text, email, number, phone, name, url, date/);
    assert.equal(d.fixes, undefined);
  });

  it("accepts every known type, and no type", () => {
    const types = ["text", "email", "number", "phone", "name", "url", "date"];
    expectClean(`${types.map((t) => `ask a_${t} "?" as ${t}`).join("\n")}
ask plain "?"
say "${types.map((t) => `{{a_${t}}}`).join(" ")} {{plain}}"
`);
  });

  it("fixes a known type written in capitals", () => {
    const { fixed } = applyFix(`ask email "Email?" as Email
say "{{email}}"
`, "ask-type");
    assert.match(fixed, / as email\n/);
    expectClean(fixed);
  });
});
