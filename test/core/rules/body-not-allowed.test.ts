import assert from "node:assert/strict";
import { applyFix, expectClean, expectRanges } from "./kit";

describe("rule body-not-allowed", () => {
  it("is an error on GET, on the body keyword", () => {
    const [d] = expectRanges(`call c {
  GET https://api.example.com/x
  [[body]] { "id": 1 }
}
`, "body-not-allowed", "error");
    assert.match(d.message, /GET/);
  });

  it("is a warning on DELETE", () => {
    expectRanges(`call c {
  DELETE https://api.example.com/x/1
  [[body]] { "reason": "duplicate" }
}
`, "body-not-allowed", "warning");
  });

  it("accepts a body on POST, PUT and PATCH", () => {
    for (const method of ["POST", "PUT", "PATCH"]) {
      expectClean(`call c {
  ${method} https://api.example.com/x
  body { "id": 1 }
}
`);
    }
  });

  it("fixes by changing GET to POST, or to PUT", () => {
    const text = `call c {
  GET https://api.example.com/x
  body { "id": 1 }
}
`;
    assert.match(applyFix(text, "body-not-allowed").fixed, /POST https/);
    const { fixed } = applyFix(text, "body-not-allowed", "Change GET to PUT");
    assert.match(fixed, /PUT https/);
    expectClean(fixed);
  });
});
