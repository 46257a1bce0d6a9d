import assert from "node:assert/strict";
import { applyFix, expectClean, expectRanges } from "./kit";

describe("rule unknown-step", () => {
  it("reports a goto to no step", () => {
    expectRanges(`say "Hi"
goto [[nowhere]]
`, "unknown-step", "error");
  });

  it("does not accept a connection or variable name as a step", () => {
    expectRanges(`connection crm {
  bearer env CRM_TOKEN
}
ask answer "?"
menu m "?" {
  option "a" {
    goto [[crm]]
  }
  option "b" {
    goto [[answer]]
  }
}
`, "unknown-step", "error");
  });

  it("accepts a goto to a call or a menu, before or after it", () => {
    expectClean(`menu top "?" {
  option "again" {
    goto top
  }
  option "on" {
    goto later
  }
}
call later {
  GET https://api.example.com/x
}
`);
  });

  it("fixes a name that differs only in case", () => {
    const { fixed } = applyFix(`menu main_menu "?" {
  option "again" {
    goto Main_Menu
  }
}
`, "unknown-step");
    assert.match(fixed, /goto main_menu/);
    expectClean(fixed);
  });

  it("fixes a name written with hyphens instead of underscores", () => {
    const { fixed, fix } = applyFix(`menu main_menu "?" {
  option "again" {
    goto main-menu
  }
}
`, "unknown-step");
    assert.equal(fix.title, "Change to main_menu");
    assert.match(fixed, /goto main_menu\n/);
  });

  it("offers no fix for an unrelated name", () => {
    const [d] = expectRanges(`menu main_menu "?" {
  option "again" {
    goto [[checkout]]
  }
}
`, "unknown-step", "error");
    assert.equal(d.fixes, undefined);
  });
});
