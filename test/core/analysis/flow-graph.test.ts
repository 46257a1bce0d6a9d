// The definite-assignment analysis: which variables are set at each use on
// every path, how call branches, menus and goto merge, and which steps no
// path reaches.

import assert from "node:assert/strict";
import { analyze } from "../../../server/src/core/analyze";
import { analyzeFlow } from "../../../server/src/core/analysis/flow-graph";
import { parse } from "../../../server/src/core/syntax/parse";
import type { Step } from "../../../server/src/core/syntax/ast";
import { marked, showRanges } from "../../helpers/markers";

/** Status of every variable use, as `name@line: status`. */
function statuses(text: string): string[] {
  const { document } = analyze(text);
  return document.flow.uses.map((u) => `${u.ref.name}@${document.lines.positionAt(u.ref.span.start).line + 1}: ${u.status.kind}`);
}

/** The marked ranges are exactly where `code` is reported. */
function expectCodeAt(source: string, code: string): void {
  const { text, ranges } = marked(source);
  const found = analyze(text).diagnostics.filter((d) => d.code === code).map((d) => d.span);
  assert.equal(showRanges(text, found), showRanges(text, ranges));
}

const GET = "GET https://api.example.com/x";

describe("flow analysis", () => {
  describe("order", () => {
    it("a variable is defined only after the step that asks it", () => {
      assert.deepEqual(statuses(`say "{{x}}"
ask x "?"
say "{{x}}"
`), ["x@1: undefined", "x@3: ok"]);
    });

    it("a step's own prompt cannot use the variable it asks", () => {
      assert.deepEqual(statuses(`ask x "Was it {{x}}?"
`), ["x@1: undefined"]);
    });

    it("a call's own URL cannot use a variable it saves", () => {
      assert.deepEqual(statuses(`call c {
  GET https://api.example.com/{{id}}
  save id = id
}
say "{{id}}"
`), ["id@2: undefined", "id@5: ok"]);
    });

    it("system variables are always set, unknown ones never", () => {
      assert.deepEqual(statuses(`say "{{customer.email}} {{customer.phone}}"
`), ["customer.email@1: ok", "customer.phone@1: unknown-system"]);
    });
  });

  describe("call branches", () => {
    const call = `call lookup {
  ${GET}
  save status = order.status
  on success {
    say "{{status}}"
  }
  on failure {
    say "{{status}}"
  }
}
say "{{status}}"
`;

    it("a save is set on success and after the step, unset on its own failure branch", () => {
      assert.deepEqual(statuses(call), ["status@5: ok", "status@8: unset-on-failure", "status@11: ok"]);
    });

    it("reports unset-on-failure as a warning, not undefined-var", () => {
      const codes = analyze(call).diagnostics.map((d) => `${d.code}:${d.severity}`);
      assert.deepEqual(codes, ["unset-on-failure:warning"]);
    });

    it("a save is set after a call without branches", () => {
      assert.deepEqual(statuses(`call c {
  ${GET}
  save a = x
}
say "{{a}}"
`), ["a@5: ok"]);
    });

    it("an earlier call's save is set inside a later call's failure branch", () => {
      assert.deepEqual(statuses(`call first {
  ${GET}
  save a = x
}
call second {
  ${GET}
  save b = y
  on failure {
    say "{{a}} {{b}}"
  }
}
`), ["a@9: ok", "b@9: unset-on-failure"]);
    });

    it("steps nested in a failure branch see the save as unset", () => {
      assert.deepEqual(statuses(`call outer {
  ${GET}
  save a = x
  on failure {
    call inner {
      ${GET}
      on success {
        say "{{a}}"
      }
    }
  }
}
`), ["a@8: unset-on-failure"]);
    });

    it("a variable asked in only one branch is not set after the step", () => {
      assert.deepEqual(statuses(`call c {
  ${GET}
  on failure {
    ask reason "Why?"
  }
}
say "{{reason}}"
`), ["reason@7: undefined"]);
    });

    it("a branch that ends does not count at the merge", () => {
      assert.deepEqual(statuses(`call c {
  ${GET}
  on success {
    ask note "Note?"
  }
  on failure {
    handoff
  }
}
say "{{note}}"
`), ["note@10: ok"]);
    });
  });

  describe("menus", () => {
    it("a variable set in only one option is undefined after the menu", () => {
      const text = `menu m "?" {
  option "a" {
    ask x "?"
  }
  option "b" {
    say "no"
  }
}
say "{{x}}"
`;
      assert.deepEqual(statuses(text), ["x@9: undefined"]);
      const d = analyze(text).diagnostics.find((x) => x.code === "undefined-var")!;
      assert.match(d.message, /not every path/);
    });

    it("a variable set in every option is defined after the menu", () => {
      assert.deepEqual(statuses(`menu m "?" {
  option "a" {
    ask x "?"
  }
  option "b" {
    ask x "Really?"
  }
}
say "{{x}}"
`), ["x@9: ok"]);
    });

    it("options that end do not count at the merge", () => {
      assert.deepEqual(statuses(`menu m "?" {
  option "a" {
    ask x "?"
  }
  option "b" {
    end
  }
  option "c" {
    goto m
  }
}
say "{{x}}"
`), ["x@12: ok"]);
    });

    it("a variable set inside an option is defined later in that option", () => {
      assert.deepEqual(statuses(`menu m "?" {
  option "a" {
    ask x "?"
    say "{{x}}"
  }
}
`), ["x@4: ok"]);
    });
  });

  describe("goto", () => {
    it("a loop back to a menu merges the state of every way in", () => {
      assert.deepEqual(statuses(`menu m "?" {
  option "set" {
    ask x "?"
    goto m
  }
  option "use" {
    say "{{x}}"
  }
}
`), ["x@7: undefined"]);
    });

    it("a loop keeps what was set before the loop", () => {
      assert.deepEqual(statuses(`ask x "?"
menu m "?" {
  option "again" {
    say "{{x}}"
    goto m
  }
}
`), ["x@4: ok"]);
    });

    it("a goto that skips the step setting a variable makes it undefined at the target", () => {
      const text = `menu first "?" {
  option "skip" {
    goto later
  }
  option "ask" {
    ask y "?"
  }
}
call later {
  GET https://api.example.com/{{y}}
}
`;
      assert.deepEqual(statuses(text), ["y@10: undefined"]);
      assert.match(analyze(text).diagnostics.find((d) => d.code === "undefined-var")!.message, /not every path/);
    });

    it("gotos that each bring the variable keep it set at the target", () => {
      assert.deepEqual(statuses(`menu first "?" {
  option "a" {
    ask y "?"
    goto later
  }
  option "b" {
    ask y "?"
  }
}
end
call later {
  GET https://api.example.com/{{y}}
}
`), ["y@12: ok"]);
    });

    it("mutual gotos converge", () => {
      assert.deepEqual(statuses(`ask a "?"
menu one "?" {
  option "to two" {
    ask b "?"
    goto two
  }
}
menu two "{{a}} {{b}}" {
  option "to one" {
    goto one
  }
}
`), ["a@8: ok", "b@8: ok"]);
    });

    it("long chains of gotos, forward and backward, reach every step", () => {
      const chain = (order: number[]) => `goto s1\n${order.map((i) => `menu s${i} "{{v}}" {\n  option "next" {\n    ask v "?"\n    goto s${i === 40 ? 1 : i + 1}\n  }\n}\n`).join("")}`;
      const forward = Array.from({ length: 40 }, (_, i) => i + 1);
      for (const order of [forward, [...forward].reverse()]) {
        const codes = analyze(chain(order)).diagnostics.map((d) => d.code);
        assert.equal(codes.filter((c) => c === "unreachable").length, 0);
        // s1 is entered first without v, so only its use is undefined
        assert.equal(codes.filter((c) => c === "undefined-var").length, 1);
      }
    });

    it("a goto to a step nested in a branch is followed", () => {
      assert.deepEqual(statuses(`call c {
  ${GET}
  on failure {
    menu retry "?" {
      option "again" {
        say "{{z}}"
      }
    }
  }
}
goto retry
`), ["z@6: undefined"]);
    });
  });

  describe("reachability", () => {
    it("steps after end, handoff and goto in the same block are unreachable", () => {
      expectCodeAt(`menu m "?" {
  option "end" {
    end
    [[say "1"]]
  }
  option "handoff" {
    handoff
    [[say "2"
    say "3"]]
  }
  option "goto" {
    goto m
    [[say "4"]]
  }
}
`, "unreachable");
    });

    it("a step reached only by goto is not unreachable, and neither are the steps after it", () => {
      expectCodeAt(`menu m "?" {
  option "a" {
    goto target
  }
  option "b" {
    end
  }
}
[[say "never"]]
call target {
  ${GET}
}
say "reached"
`, "unreachable");
    });

    it("a goto in unreachable code does not make its target reachable", () => {
      expectCodeAt(`end
[[goto target
call target {
  ${GET}
}]]
`, "unreachable");
    });

    it("a step after a call whose branches both end is unreachable", () => {
      expectCodeAt(`call c {
  ${GET}
  on success {
    end
  }
  on failure {
    goto c
  }
}
[[say "never"]]
`, "unreachable");
    });

    it("unreachable uses are not reported as undefined", () => {
      const codes = analyze(`end
say "{{nothing}}"
`).diagnostics.map((d) => d.code);
      assert.deepEqual(codes, ["unreachable"]);
    });
  });

  describe("definedAt", () => {
    it("keeps the variables set when a captured step starts", () => {
      const { ast } = parse(`ask a "?"
call c {
  ${GET}
  save b = x
  on failure {
    say "f"
  }
}
say "here"
`);
      const failureSay = (ast.steps[1] as Extract<Step, { kind: "call" }>).onFailure!.steps[0];
      const last = ast.steps[2];
      const flow = analyzeFlow(ast, new Set([failureSay, last]));
      assert.deepEqual([...flow.definedAt.get(failureSay)!].sort(), ["a"]);
      assert.deepEqual([...flow.definedAt.get(last)!].sort(), ["a", "b"]);
    });
  });
});
