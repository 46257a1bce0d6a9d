import { expectNone, expectRanges } from "./kit";

describe("rule unused-var", () => {
  it("hints at an asked variable never used", () => {
    expectRanges(`ask [[nickname]] "What should I call you?"
say "Thanks!"
`, "unused-var", "hint");
  });

  it("hints at a saved variable never used", () => {
    expectRanges(`call c {
  GET https://api.example.com/x
  save [[status]] = order.status
}
`, "unused-var", "hint");
  });

  it("counts uses in URLs, headers, bodies, prompts and labels", () => {
    expectNone(`ask a "?"
ask b "{{a}}?"
ask c "?"
ask d "?"
ask e "?"
menu m "{{b}}" {
  option "{{c}}" {
    end
  }
  option "x" {
    call k {
      POST https://api.example.com/{{d}}
      header "X" "{{e}}"
      body {{e}}
    }
  }
}
`, "unused-var");
  });
});
