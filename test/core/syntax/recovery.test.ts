// Parser recovery: a broken statement costs one diagnostic on its own line,
// and everything after it is still read and checked.

import assert from "node:assert/strict";
import { analyze } from "../../../server/src/core/analyze";
import { parse } from "../../../server/src/core/syntax/parse";
import type { CallStep } from "../../../server/src/core/syntax/ast";
import { marked, showRanges } from "../../helpers/markers";

function codesByLine(text: string): string[] {
  const a = analyze(text);
  return a.diagnostics.map((d) => `${a.lines.positionAt(d.span.start).line + 1}:${d.code}`);
}

/** Syntax errors exactly at the marked ranges. */
function expectSyntaxAt(source: string): string[] {
  const { text, ranges } = marked(source);
  const found = parse(text).diagnostics;
  assert.equal(showRanges(text, found.map((d) => d.span)), showRanges(text, ranges), found.map((d) => d.message).join(" | "));
  for (const d of found) assert.ok(!/[\r\n]/.test(d.message));
  return found.map((d) => d.message);
}

describe("parser recovery", () => {
  it("a parse error early in a file still leaves later rule diagnostics reported", () => {
    const text = `flow "Broken" "twice"
say "unclosed
ask ??? "what"
call lookup {
  GET http://api.example.com/{{sub}}
  save Bad = x
}
goto nowhere
`;
    const codes = codesByLine(text);
    assert.ok(codes.includes("1:syntax"), codes.join());
    assert.ok(codes.includes("5:url-scheme"), codes.join());
    assert.ok(codes.includes("5:undefined-var"), codes.join());
    assert.ok(codes.includes("6:var-name"), codes.join());
    assert.ok(codes.includes("8:unknown-step"), codes.join());
  });

  it("a call block with an error inside still yields its other lines", () => {
    const text = `call lookup {
  GET https://api.example.com/x
  header "Accept"
  save a = ]
  ??? nonsense
  save b = data.b
  on success {
    say "{{b}} {{c}}"
  }
}
`;
    const call = parse(text).ast.steps[0] as CallStep;
    assert.deepEqual(call.saves.map((s) => s.variable?.name), ["a", "b"]);
    assert.equal(call.onSuccess?.steps.length, 1);
    const codes = codesByLine(text);
    assert.ok(codes.includes("8:undefined-var"), codes.join());
    assert.ok(!codes.some((c) => c.startsWith("9:") || c.startsWith("10:")), codes.join());
  });

  it("a missing closing brace costs one error and the next steps are still read", () => {
    const text = `call lookup {
  GET https://api.example.com/x
  save a = b
say "{{a}} {{missing}}"
`;
    const codes = codesByLine(text);
    assert.deepEqual(codes.filter((c) => c.endsWith("syntax")).length, 1, codes.join());
    assert.ok(codes.includes("4:undefined-var"), codes.join());
  });

  it("an unclosed string ends at its line", () => {
    expectSyntaxAt(`say "Hi there[[]]
ask name "Name?"
say "{{name}}"
`);
    const codes = codesByLine(`call c {
  GET https://api.example.com/x
  header "Accept" "application/json
  save a = b
  on success {
    say "{{a}}"
  }
}
`);
    assert.deepEqual(codes, ["3:syntax"]);
  });

  it("a statement cut short is reported where it stops, not on the next line", () => {
    expectSyntaxAt(`ask[[]]
say "Hi"
`);
    expectSyntaxAt(`call c {
  GET https://api.example.com/x
  save a =[[]]
  save b = c
}
`);
    expectSyntaxAt(`call c {
  GET https://api.example.com/x
  header[[]]
  save b = c
}
`);
  });

  it("reports each line of stray text once", () => {
    const messages = expectSyntaxAt(`say "a" [[oops]]
[[what is this]]
[[}]]
say "b"
`);
    assert.match(messages[2], /no block is open/);
  });

  it("reports a stray line inside a block once and keeps the block", () => {
    const text = `menu m "?" {
  option "a" {
    this is not a statement
    say "still here"
  }
}
`;
    expectSyntaxAt(text.replace("this is not a statement", "[[this is not a statement]]"));
    assert.equal(analyze(text).ast.steps.length, 1);
  });

  it("reads what is typed so far at every stage of a statement", () => {
    const stages = ["call", "call c", "call c {", "call c {\n  GET", "call c {\n  GET https://", "call c {\n  GET https://api.example.com/x\n  save", "call c {\n  GET https://api.example.com/x\n  save a", "call c {\n  GET https://api.example.com/x\n  save a =", "call c {\n  GET https://api.example.com/x\n  on", "call c {\n  GET https://api.example.com/x\n  on success {", "menu m \"?\" {\n  option"];
    for (const text of stages) {
      const { diagnostics } = parse(text);
      assert.ok(diagnostics.length >= 1 && diagnostics.length <= 3, `${JSON.stringify(text)}: ${diagnostics.map((d) => d.message).join(" | ")}`);
      for (const d of diagnostics) assert.ok(d.span.start >= 0 && d.span.end <= text.length && d.span.start <= d.span.end, JSON.stringify(text));
    }
  });

  it("does not report characters inside a URL or JSON body as stray", () => {
    assert.deepEqual(parse(`call c {
  POST https://api.example.com/a@b/~x!$&'()*+,;=%20?q=1#f
  body { "@": "~^", "$": [true, null, -1.5e3] }
}
`).diagnostics, []);
  });
});

describe("misplaced steps", () => {
  it("a step written straight in a call block is reported and the block goes on", () => {
    const text = `call c {
  GET https://api.example.com/x
  say "Looking it up"
  save a = b
  on success {
    say "{{a}}"
  }
}
say "{{a}}"
`;
    const messages = expectSyntaxAt(text.replace(`  say "Looking`, `  [[say]] "Looking`));
    assert.match(messages[0], /on success/);
    const call = parse(text).ast.steps[0] as CallStep;
    assert.equal(call.saves.length, 1);
    assert.deepEqual(analyze(text).diagnostics.map((d) => d.code), ["syntax"]);
  });

  it("a step written straight in a menu block is reported", () => {
    const messages = expectSyntaxAt(`menu m "?" {
  [[ask]] x "?"
  option "a" {
    end
  }
}
`);
    assert.match(messages[0], /option/);
  });

  it("a step at the indentation of the call line ends a block whose } is missing", () => {
    const text = `call c {
  GET https://api.example.com/x
  save a = b
say "{{a}} {{nope}}"
`;
    expectSyntaxAt(`call c {
  GET https://api.example.com/x
  save a = b[[]]
say "{{a}} {{nope}}"
`);
    assert.equal(parse(text).ast.steps.length, 2);
  });

  it("unindented blocks still read their branches and options", () => {
    assert.deepEqual(parse(`call c {
GET https://api.example.com/x
on success {
say "x"
}
}
menu m "?" {
option "a" {
end
}
}
`).diagnostics, []);
  });
});

describe("misplaced call lines", () => {
  it("a save inside a branch is reported once and the branch goes on", () => {
    const text = `call c {
  GET https://api.example.com/x
  on success {
    save x = y
    say "ok"
  }
}
say "after"
`;
    const messages = expectSyntaxAt(text.replace("    save x", "    [[save]] x"));
    assert.match(messages[0], /directly in the call step/);
    const call = parse(text).ast.steps[0] as CallStep;
    assert.equal(call.onSuccess!.steps.length, 1);
    assert.equal(parse(text).ast.steps.length, 2);
  });

  it("a request line inside a menu option is reported", () => {
    expectSyntaxAt(`menu m "?" {
  option "a" {
    [[GET]] https://api.example.com/x
    end
  }
}
`);
  });

  it("on failure at the indentation of an unclosed on success ends it", () => {
    const text = `call c {
  GET https://api.example.com/x
  on success {
    say "ok"
  on failure {
    say "bad"
  }
}
`;
    expectSyntaxAt(text.replace(`say "ok"\n`, `say "ok"[[]]\n`));
    const call = parse(text).ast.steps[0] as CallStep;
    assert.equal(call.onSuccess!.steps.length, 1);
    assert.equal(call.onFailure!.steps.length, 1);
  });
});
