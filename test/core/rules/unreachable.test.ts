import assert from "node:assert/strict";
import { expectClean, expectNone, expectRanges } from "./kit";

describe("rule unreachable", () => {
  it("warns on the steps after end, as one range", () => {
    const [d] = expectRanges(`say "Bye"
end
[[say "never"
ask x "never?"]]
`, "unreachable", "warning");
    assert.deepEqual(d.tags, ["unnecessary"]);
  });

  it("warns after handoff and goto inside blocks", () => {
    expectRanges(`menu m "?" {
  option "a" {
    handoff "Connecting you"
    [[say "never"]]
  }
  option "b" {
    goto m
    [[end]]
  }
}
`, "unreachable", "warning");
  });

  it("warns after a step whose every branch ends", () => {
    expectRanges(`call c {
  GET https://api.example.com/x
  on success {
    end
  }
  on failure {
    handoff
  }
}
[[say "never"]]
`, "unreachable", "warning");
  });

  it("does not warn on a step reached only by goto", () => {
    expectClean(`menu m "?" {
  option "a" {
    goto later
  }
  option "b" {
    say "ok"
  }
}
end
call later {
  GET https://api.example.com/x
}
say "reached through goto"
`);
  });

  it("does not warn after a branch that ends when the other continues", () => {
    expectNone(`call c {
  GET https://api.example.com/x
  on failure {
    end
  }
}
say "after"
`, "unreachable");
  });
});
