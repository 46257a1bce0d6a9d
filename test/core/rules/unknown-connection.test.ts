import assert from "node:assert/strict";
import { applyFix, expectClean, expectRanges } from "./kit";

describe("rule unknown-connection", () => {
  it("reports a connection never declared", () => {
    expectRanges(`call c {
  GET https://api.example.com/x
  connection [[crm]]
}
`, "unknown-connection", "error");
  });

  it("reports a connection declared below the call", () => {
    const [d] = expectRanges(`call c {
  GET https://api.example.com/x
  connection [[crm]]
}
connection crm {
  bearer env CRM_TOKEN
}
`, "unknown-connection", "error");
    assert.match(d.message, /below/);
  });

  it("accepts a connection declared above", () => {
    expectClean(`connection crm {
  bearer env CRM_TOKEN
}
call c {
  GET https://api.example.com/x
  connection crm
}
`);
  });

  it("fixes by declaring a stub connection above the steps", () => {
    const { fixed } = applyFix(`flow "F"

say "Hi"
call c {
  GET https://api.example.com/x
  connection my-crm
}
`, "unknown-connection");
    assert.match(fixed, /connection my-crm \{\n  bearer env MY_CRM_TOKEN\n\}\n\nsay "Hi"/);
    expectClean(fixed);
  });

  it("fixes by declaring the stub after the last connection", () => {
    const { fixed } = applyFix(`connection shop {
  bearer env SHOP_TOKEN
}
call c {
  GET https://api.example.com/x
  connection crm
}
`, "unknown-connection");
    assert.match(fixed, /connection shop \{\n  bearer env SHOP_TOKEN\n\}\nconnection crm \{\n  bearer env CRM_TOKEN\n\}\n/);
    expectClean(fixed);
  });
});
