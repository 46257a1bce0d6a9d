import assert from "node:assert/strict";
import { applyFix, expectClean, expectRanges } from "./kit";

describe("rule duplicate-request", () => {
  it("reports a call step without a request line on its name", () => {
    expectRanges(`call [[lookup]] {
  save x = a
}
`, "duplicate-request", "error");
  });

  it("reports the second request line", () => {
    expectRanges(`call lookup {
  GET https://api.example.com/a
  [[POST https://api.example.com/b]]
}
`, "duplicate-request", "error");
  });

  it("accepts exactly one request line", () => {
    expectClean(`call lookup {
  GET https://api.example.com/a
}
`);
  });

  it("fixes by removing the extra line", () => {
    const { fixed } = applyFix(`call lookup {
  GET https://api.example.com/a
  GET https://api.example.com/b
}
`, "duplicate-request");
    assert.equal(fixed, `call lookup {
  GET https://api.example.com/a
}
`);
  });
});
