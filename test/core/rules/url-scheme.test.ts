import assert from "node:assert/strict";
import { applyFix, expectClean, expectNone, expectRanges, withCode } from "./kit";

describe("rule url-scheme", () => {
  it("reports a plain http:// endpoint on its scheme", () => {
    expectRanges(`call c {
  GET [[http]]://api.example.com/orders
}
`, "url-scheme", "error");
  });

  it("reports any other scheme, without a fix", () => {
    const [d] = expectRanges(`call c {
  GET [[ftp]]://files.example.com/report.csv
}
`, "url-scheme", "error");
    assert.equal(d.fixes, undefined);
  });

  it("accepts https:// in any case", () => {
    expectClean(`call c {
  GET https://api.example.com/orders
}
`);
    expectNone(`call c {
  GET HTTPS://api.example.com/orders
}
`, "url-scheme");
  });

  it("leaves a URL with no scheme to url-invalid", () => {
    const text = `call c {
  GET api.example.com/orders
}
`;
    expectNone(text, "url-scheme");
    assert.equal(withCode(text, "url-invalid").length, 1);
  });

  it("fixes http:// to https://", () => {
    const { fixed } = applyFix(`call c {
  GET http://api.example.com/orders
}
`, "url-scheme");
    assert.match(fixed, /GET https:\/\/api\.example\.com\/orders/);
    expectClean(fixed);
  });
});
