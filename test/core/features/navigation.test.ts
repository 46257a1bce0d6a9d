import assert from "node:assert/strict";
import { buildDocument } from "../../../server/src/core/analysis/document";
import { definition, highlights, references } from "../../../server/src/core/features/navigation";
import type { Span } from "../../../server/src/core/types";
import { marked, showRanges } from "../../helpers/markers";

/** `[[…]]` marks the expected spans, `<|>` the cursor. */
function check(source: string, run: (text: string, offset: number) => Span[]): void {
  const { text, ranges, cursors } = marked(source);
  const actual = run(text, cursors[0]);
  assert.equal(showRanges(text, actual), showRanges(text, ranges));
}

describe("features: definition, references, highlights", () => {
  it("goes from a variable use to its definitions", () => {
    check('ask [[order]] "x"\nsay "{{or<|>der}}"\nask [[order]] "again"', (t, o) => definition(buildDocument(t), o));
  });

  it("goes from a save's use to the save, and from goto to the step", () => {
    check('call c {\n  GET https://x.example/\n  save [[s]] = a\n  on success {\n    say "{{<|>s}}"\n  }\n}', (t, o) => definition(buildDocument(t), o));
    check('menu [[m]] "q" {\n  option "a" {\n    goto m<|>\n  }\n}', (t, o) => definition(buildDocument(t), o));
  });

  it("goes from a call's connection line to the declaration", () => {
    check("connection [[shop]] {\n  bearer env T\n}\ncall c {\n  connection sh<|>op\n}", (t, o) => definition(buildDocument(t), o));
  });

  it("finds every reference of a variable: uses, test lines, with or without definitions", () => {
    const source = 'ask [[q]] "x"\ncall c {\n  GET https://x.example/?q={{[[q]]}}\n  header "X" "{{[[q]]}}"\n  body "{{[[q]]}}"\n  test [[q]] = "1"\n}\nsay "{{[[<|>q]]}}"';
    check(source, (t, o) => references(buildDocument(t), o, true));
    check(source.replace('ask [[q]] "x"', 'ask q "x"'), (t, o) => references(buildDocument(t), o, false));
  });

  it("finds references in unreachable steps too", () => {
    check('ask [[a]] "x"\nend\nsay "{{[[a]]}}"\nsay "{{[[<|>a]]}}"', (t, o) => references(buildDocument(t), o, true));
  });

  it("highlights a step's name and its gotos, a connection and its uses", () => {
    check('call [[c<|>]] {\n  GET https://x.example/\n}\ngoto [[c]]', (t, o) => highlights(buildDocument(t), o).map((h) => h.span));
    check("connection [[s]] {\n  bearer env T\n}\ncall c {\n  connection [[s<|>]]\n}", (t, o) => highlights(buildDocument(t), o).map((h) => h.span));
  });

  it("has no definition for system variables and nothing on keywords", () => {
    assert.deepEqual(definition(buildDocument('say "{{customer.name}}"'), 9), []);
    assert.deepEqual(references(buildDocument('say "x"'), 1, true), []);
  });
});
