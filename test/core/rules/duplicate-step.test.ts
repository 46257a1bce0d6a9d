import { expectClean, expectRanges } from "./kit";

describe("rule duplicate-step", () => {
  it("reports the second call with a name", () => {
    expectRanges(`call lookup {
  GET https://api.example.com/a
}
call [[lookup]] {
  GET https://api.example.com/b
}
`, "duplicate-step", "error");
  });

  it("reports a menu named like a call, also when nested", () => {
    expectRanges(`call lookup {
  GET https://api.example.com/a
  on failure {
    menu [[lookup]] "?" {
      option "x" {
        end
      }
    }
  }
}
menu [[lookup]] "?" {
  option "y" {
    end
  }
}
`, "duplicate-step", "error");
  });

  it("accepts distinct names", () => {
    expectClean(`call lookup {
  GET https://api.example.com/a
}
menu next "?" {
  option "x" {
    end
  }
}
`);
  });
});
