import assert from "node:assert/strict";
import { diagnose, expectClean, expectRanges } from "./kit";

describe("rule syntax", () => {
  it("reports a second string after say on the string", () => {
    expectRanges(`say "Hi" [["there"]]
`, "syntax", "error");
  });

  it("reports a missing string at the end of the statement", () => {
    const [d] = expectRanges(`say[[]]
ask x "?"
say "{{x}}"
`, "syntax", "error");
    assert.match(d.message, /string/);
  });

  it("reports an unclosed string where the quote is missing", () => {
    const [d] = expectRanges(`say "Hi there[[]]
say "ok"
`, "syntax", "error");
    assert.match(d.message, /closing quote/);
  });

  it("reports a stray closing brace", () => {
    const [d] = expectRanges(`say "Hi"
[[}]]
`, "syntax", "error");
    assert.match(d.message, /no block is open/);
  });

  it("reports an unknown word at top level and each later stray line", () => {
    const [a, b] = expectRanges(`say "a" [[oops]]
[[}]]
say "b"
`, "syntax", "error");
    assert.doesNotMatch(a.message, /no block is open/);
    assert.match(b.message, /no block is open/);
  });

  it("reports a stray run inside a block once per line", () => {
    expectRanges(`call c {
  GET https://api.example.com/x
  on success {
    [[foo bar]]
    say "ok"
  }
}
`, "syntax", "error");
  });

  it("reports characters that are not part of the language", () => {
    expectRanges(`say "Hi"
[[@@]]
`, "syntax", "error");
  });

  it("accepts a well-formed file", () => {
    expectClean(`flow "Fine"
say "Hi"
end
`);
    assert.deepEqual(diagnose(""), []);
  });
});
