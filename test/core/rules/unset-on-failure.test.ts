import assert from "node:assert/strict";
import { expectClean, expectNone, expectRanges, withCode } from "./kit";

describe("rule unset-on-failure", () => {
  it("warns on a step's saved variable used in its own failure branch", () => {
    const text = `call lookup {
  GET https://api.example.com/x
  save status = order.status
  on success {
    say "{{status}}"
  }
  on failure {
    say "Could not load ([[{{status}}]])"
  }
}
`;
    const [d] = expectRanges(text, "unset-on-failure", "warning");
    assert.match(d.message, /lookup/);
    expectNone(text.replace(/\[\[|\]\]/g, ""), "undefined-var");
  });

  it("warns inside steps nested in the failure branch", () => {
    expectRanges(`call lookup {
  GET https://api.example.com/x
  save status = order.status
  on failure {
    menu m "Retry?" {
      option "Yes" {
        say "[[{{status}}]]"
      }
    }
  }
}
`, "unset-on-failure", "warning");
  });

  it("does not warn when the variable was set before the step", () => {
    expectClean(`ask status "Status?"
call lookup {
  GET https://api.example.com/x
  save status = order.status
  on failure {
    say "{{status}}"
  }
}
`);
  });

  it("does not warn on the success branch or after the step", () => {
    const text = `call lookup {
  GET https://api.example.com/x
  save status = order.status
  on success {
    say "{{status}}"
  }
  on failure {
    say "sorry"
  }
}
say "{{status}}"
`;
    expectNone(text, "unset-on-failure");
    assert.equal(withCode(text, "undefined-var").length, 0);
  });
});
