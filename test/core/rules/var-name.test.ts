import assert from "node:assert/strict";
import { applyFix, expectClean, expectRanges } from "./kit";

describe("rule var-name", () => {
  it("reports an ask variable with capitals", () => {
    const [d] = expectRanges(`ask [[OrderNumber]] "Order number?"
say "{{OrderNumber}}"
`, "var-name", "error");
    assert.match(d.message, /order_number/);
  });

  it("reports a save variable with a hyphen, at every definition", () => {
    expectRanges(`call c {
  GET https://shop.example.com/x
  save [[order-id]] = order.id
  on success {
    say "{{order-id}}"
  }
}
ask [[order-id]] "Again?"
`, "var-name", "error");
  });

  it("accepts lowercase letters, digits and underscores", () => {
    expectClean(`ask order_number_2 "Order number?"
say "{{order_number_2}}"
`);
  });

  it("fixes by renaming the definition, every use and every test line", () => {
    const { fixed } = applyFix(`ask OrderNumber "Order number?"
call c {
  GET https://shop.example.com/orders/{{OrderNumber}}
  test OrderNumber = "1"
  save status = order.status
  on success {
    say "{{OrderNumber}}: {{status}}"
  }
}
`, "var-name", /order_number/);
    assert.match(fixed, /ask order_number /);
    assert.match(fixed, /orders\/\{\{order_number\}\}/);
    assert.match(fixed, /test order_number = /);
    assert.match(fixed, /say "\{\{order_number\}\}: \{\{status\}\}"/);
    expectClean(fixed);
  });

  it("picks a fresh name when the snake_case one is taken", () => {
    const { fixed } = applyFix(`ask order_id "Order?"
ask OrderId "Again?"
say "{{order_id}} {{OrderId}}"
`, "var-name");
    assert.match(fixed, /ask order_id_2 "Again\?"/);
    expectClean(fixed);
  });
});
