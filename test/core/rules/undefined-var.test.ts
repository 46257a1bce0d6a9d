import assert from "node:assert/strict";
import { expectClean, expectRanges } from "./kit";

describe("rule undefined-var", () => {
  it("reports a variable never defined", () => {
    const [d] = expectRanges(`say "Hi [[{{first_name}}]]!"
`, "undefined-var", "error");
    assert.match(d.message, /not defined/);
  });

  it("reports a variable used before the step that defines it", () => {
    const [d] = expectRanges(`say "Your order [[{{order}}]]"
ask order "Order?"
say "{{order}}"
`, "undefined-var", "error");
    assert.match(d.message, /used before the step that sets it/);
  });

  it("reports it in URLs, headers and bodies too", () => {
    expectRanges(`call c {
  POST https://api.example.com/x/[[{{a}}]]?b=[[{{b}}]]
  header "X-Id" "[[{{c}}]]"
  body { "d": "[[{{d}}]]", "e": [[{{e}}]] }
}
`, "undefined-var", "error");
  });

  it("reports a variable set in only one option of a menu", () => {
    expectRanges(`menu m "Choose" {
  option "With" {
    ask note "Note?"
  }
  option "Without" {
    say "ok"
  }
}
say "[[{{note}}]]"
`, "undefined-var", "error");
  });

  it("reports an unknown system variable and an empty reference", () => {
    const [a, b] = expectRanges(`say "[[{{customer.phone}}]] [[{{ }}]]"
`, "undefined-var", "error");
    assert.match(a.message, /not a system variable/);
    assert.match(b.message, /names no variable/);
  });

  it("accepts system variables, variables asked before and saved on success", () => {
    expectClean(`ask city "City?"
say "{{customer.name}} {{ city }} {{conversation.id}}"
call c {
  GET https://api.example.com/weather?q={{city}}
  save temp = main.temp
  on success {
    say "{{temp}}"
  }
}
say "{{temp}}"
`);
  });
});
