import assert from "node:assert/strict";
import { applyFix, expectClean, expectRanges } from "./kit";

describe("rule duplicate-save", () => {
  it("reports the second save of a variable in one step", () => {
    expectRanges(`call c {
  GET https://api.example.com/x
  save status = order.status
  save [[status]] = order.state
  on success {
    say "{{status}}"
  }
}
`, "duplicate-save", "error");
  });

  it("accepts the same variable saved by two different steps", () => {
    expectClean(`call c {
  GET https://api.example.com/x
  save status = order.status
  on success {
    say "{{status}}"
  }
}
call d {
  GET https://api.example.com/y
  save status = order.state
  on success {
    say "{{status}}"
  }
}
`);
  });

  it("fixes by removing the duplicate line", () => {
    const { fixed } = applyFix(`call c {
  GET https://api.example.com/x
  save status = order.status
  save status = order.state
  on success {
    say "{{status}}"
  }
}
`, "duplicate-save");
    assert.match(fixed, /save status = order\.status\n  on success/);
    expectClean(fixed);
  });
});
