import assert from "node:assert/strict";
import { buildDocument } from "../../../server/src/core/analysis/document";
import { complete, type CompletionItem } from "../../../server/src/core/features/completion";
import type { TestCallSummary } from "../../../server/src/core/features/test-call-summary";
import { markedCursor } from "../../helpers/markers";

function at(source: string, lastTestResult?: (step: string) => TestCallSummary | undefined): CompletionItem[] {
  const { text, offset } = markedCursor(source);
  return complete(buildDocument(text), offset, { lastTestResult });
}

const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const SYSTEM = ["customer.name", "customer.email", "customer.external_id", "customer.authenticated", "customer.locale", "conversation.id", "conversation.channel"];

describe("features: completion", () => {
  describe("keywords by position", () => {
    it("offers top-level statements in an empty file", () => {
      assert.deepEqual(labels(at("<|>")), ["flow", "connection", "say", "ask", "call", "menu", "goto", "handoff", "end"]);
    });

    it("leaves out flow once the file has a title", () => {
      assert.ok(!labels(at('flow "x"\n<|>')).includes("flow"));
    });

    it("offers call statements inside a call block, without the parts already there", () => {
      const items = labels(at("call c {\n  GET https://x.example/\n  on success {\n  }\n  <|>\n}"));
      assert.deepEqual(items, ["connection", "header", "body", "save", "test", "description", "on failure"]);
    });

    it("offers request methods while the call has no request line", () => {
      assert.deepEqual(labels(at("call c {\n  <|>\n}")).slice(0, 5), ["GET", "POST", "PUT", "PATCH", "DELETE"]);
    });

    it("offers steps inside a branch and an option, options inside a menu", () => {
      const steps = ["say", "ask", "call", "menu", "goto", "handoff", "end"];
      assert.deepEqual(labels(at("call c {\n  GET https://x.example/\n  on failure {\n    <|>\n  }\n}")), steps);
      assert.deepEqual(labels(at('menu m "q" {\n  option "a" {\n    <|>\n  }\n}')), steps);
      assert.deepEqual(labels(at('menu m "q" {\n  <|>\n}')), ["option"]);
    });

    it("offers authentication inside a connection block", () => {
      assert.deepEqual(labels(at("connection shop {\n  <|>\n}")), ["bearer", "basic", "api_key", "domain"]);
    });

    it("replaces the word being typed, whole", () => {
      const { text, offset } = markedCursor("call c {\n  sa<|>ve\n}");
      const item = complete(buildDocument(text), offset).find((i) => i.label === "save")!;
      assert.deepEqual(item.replace, { start: text.indexOf("save"), end: text.indexOf("save") + 4 });
      assert.match(item.snippet!, /^save \$\{1:variable\} = /);
    });

    it("works in an unclosed block while typing", () => {
      assert.deepEqual(labels(at('call c {\n  GET https://x.example/\n  on success {\n    say "x"\n    <|>')), ["say", "ask", "call", "menu", "goto", "handoff", "end"]);
    });
  });

  describe("after a keyword", () => {
    it("offers step names after goto", () => {
      const items = at('call lookup "Look up" {\n  GET https://x.example/\n}\nmenu more "More?" {\n}\ngoto <|>');
      assert.deepEqual(labels(items), ["lookup", "more"]);
      assert.equal(items[0].detail, "call step · Look up");
    });

    it("offers declared connections after connection in a call, those above first", () => {
      const items = at("connection shop {\n  bearer env A\n}\ncall c {\n  connection <|>\n}\nconnection late {\n  bearer env B\n}");
      assert.deepEqual(labels(items), ["shop", "late"]);
      assert.ok(items[0].sortText! < items[1].sortText!);
      assert.match(items[1].detail!, /declared below/);
    });

    it("offers answer types after as, and as after the prompt", () => {
      assert.deepEqual(labels(at('ask a "x" as <|>')), ["text", "email", "number", "phone", "name", "url", "date"]);
      assert.deepEqual(labels(at('ask a "x" <|>')), ["as"]);
    });

    it("offers success and failure after on", () => {
      assert.deepEqual(labels(at("call c {\n  on <|>\n}")), ["success", "failure"]);
    });

    it("offers env and secret as a secret source", () => {
      assert.deepEqual(labels(at("connection s {\n  bearer <|>\n}")), ["env", "secret"]);
      assert.deepEqual(labels(at('connection s {\n  basic "me" <|>\n}')), ["env", "secret"]);
    });

    it("offers the request's untested variables after test", () => {
      assert.deepEqual(labels(at('call c {\n  GET https://x.example/{{a}}?q={{b}}&l={{customer.locale}}\n  test a = "1"\n  test <|>\n}')), ["b"]);
    });

    it("offers header names inside the first string of a header line", () => {
      assert.ok(labels(at('call c {\n  header "<|>\n}')).includes("Content-Type"));
    });

    it("offers the last test call's fields after save x =", () => {
      const result: TestCallSummary = { status: 200, durationMs: 5, fields: [{ path: "order.id", value: "\"7\"", type: "string" }] };
      assert.deepEqual(labels(at("call c {\n  GET https://x.example/\n  save id = <|>\n}", (s) => (s === "c" ? result : undefined))), ["order.id"]);
    });

    it("offers nothing in a comment or plain string", () => {
      assert.deepEqual(at("# a comment <|>"), []);
      assert.deepEqual(at('say "hello <|>'), []);
    });
  });

  describe("variables after {{", () => {
    it("offers variables set before the cursor, then system variables, with their origin", () => {
      const items = at('ask order "Order?" as number\nask later "x"\nsay "Hi {{<|>');
      assert.deepEqual(labels(items), ["later", "order", ...SYSTEM]);
      assert.equal(items[1].detail, "asked · number");
      assert.equal(items[2].detail, "system · name");
      assert.equal(items[0].insertText, "later}}");
    });

    it("does not offer a variable defined after the cursor", () => {
      assert.deepEqual(labels(at('say "{{<|>"\nask later "x"')), SYSTEM);
    });

    it("offers a call's saves on its success branch and after it, not on failure", () => {
      const flow = (inSuccess: string, inFailure: string, after: string) =>
        `call c {\n  GET https://x.example/\n  save s = a\n  on success {\n    say "${inSuccess}"\n  }\n  on failure {\n    say "${inFailure}"\n  }\n}\nsay "${after}"`;
      const success = at(flow("{{<|>}}", "", ""));
      assert.ok(labels(success).includes("s"));
      assert.equal(success.find((i) => i.label === "s")!.detail, "saved by c · json");
      assert.ok(!labels(at(flow("", "{{<|>}}", ""))).includes("s"));
      assert.ok(labels(at(flow("", "", "{{<|>}}"))).includes("s"));
    });

    it("does not offer a call's saves in its own request", () => {
      assert.ok(!labels(at("call c {\n  GET https://x.example/{{<|>\n  save s = a\n}")).includes("s"));
    });

    it("replaces the name under the cursor and keeps an existing }}", () => {
      const { text, offset } = markedCursor('ask order "x"\nsay "{{or<|>der}}"');
      const item = complete(buildDocument(text), offset).find((i) => i.label === "order")!;
      assert.equal(item.insertText, "order");
      assert.equal(text.slice(item.replace.start, item.replace.end), "order");
    });

    it("works in URLs, JSON bodies and dotted system names", () => {
      assert.ok(labels(at('ask q "x"\ncall c {\n  GET https://x.example/?q={{<|>\n}')).includes("q"));
      assert.ok(labels(at('ask q "x"\ncall c {\n  POST https://x.example/\n  body {\n    "q": "{{<|>"\n  }\n}')).includes("q"));
      assert.ok(labels(at('ask q "x"\ncall c {\n  POST https://x.example/\n  body {"q": {{<|>\n}')).includes("q"));
      const dotted = at('say "{{customer.<|>');
      assert.equal(dotted[0].replace.end - dotted[0].replace.start, "customer.".length);
    });
  });

  it("answers a typed trigger character only where it means something", () => {
    const trigger = (source: string, triggerCharacter: string) => {
      const { text, offset } = markedCursor(source);
      return labels(complete(buildDocument(text), offset, { triggerCharacter }));
    };
    assert.deepEqual(trigger("call c {<|>", "{"), []);
    assert.deepEqual(trigger("call c {\n  <|>", " "), []);
    assert.deepEqual(trigger('say "x".<|>', "."), []);
    assert.deepEqual(trigger("call c {\n  on <|>", " "), ["success", "failure"]);
    assert.deepEqual(trigger('say "{{<|>', "{"), SYSTEM);
    assert.deepEqual(trigger('say "{{customer.<|>', "."), SYSTEM);
  });

  it("never throws on a broken file", () => {
    const text = 'call {\n  GET\n  save = \n  on { say "{{\nmenu "q" {\n option {\n goto\n';
    for (let i = 0; i <= text.length; i++) complete(buildDocument(text), i);
  });
});
