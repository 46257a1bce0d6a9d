import assert from "node:assert/strict";
import { buildDocument } from "../../../server/src/core/analysis/document";
import { semanticTokens } from "../../../server/src/core/features/semantic-tokens";

describe("features: semantic tokens", () => {
  it("marks variables in strings, URLs and bodies, definitions, steps and connections", () => {
    const text = 'connection shop {\n  bearer env T\n}\nask q "x"\ncall c {\n  POST https://x.example/{{q}}\n  connection shop\n  body {"a": "{{customer.email}}"}\n  save s = a\n}\nsay "{{s}} {{q}}"\ngoto c\n';
    const tokens = semanticTokens(buildDocument(text)).map((t) => `${text.slice(t.span.start, t.span.end)}:${t.type}${t.modifiers.map((m) => `.${m}`).join("")}`);
    assert.deepEqual(tokens, [
      "shop:namespace.declaration", "q:variable.declaration", "c:function.declaration", "q:variable", "shop:namespace",
      "customer.email:variable.readonly.defaultLibrary", "s:variable.declaration", "s:variable", "q:variable", "c:function",
    ]);
  });

  it("stays sorted and non-overlapping on broken text", () => {
    const text = 'call c {\n  GET https://{{a}}{{b}}\n  save = x\n  on success {\n say "{{a}}{{';
    const tokens = semanticTokens(buildDocument(text));
    for (let i = 1; i < tokens.length; i++) assert.ok(tokens[i].span.start >= tokens[i - 1].span.end);
  });
});
