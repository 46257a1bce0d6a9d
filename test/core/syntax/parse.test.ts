// parse(): the typed AST of well-formed text, with exact spans.

import assert from "node:assert/strict";
import { parse } from "../../../server/src/core/syntax/parse";
import type { AskStep, CallStep, GotoStep, HandoffStep, MenuStep, SayStep } from "../../../server/src/core/syntax/ast";
import type { Span } from "../../../server/src/core/types";

function ok(text: string) {
  const { ast, diagnostics } = parse(text);
  assert.deepEqual(diagnostics, [], "expected no syntax errors");
  return ast;
}

const at = (text: string, s: Span | undefined) => (s ? text.slice(s.start, s.end) : undefined);

describe("parse", () => {
  it("reads the title, connections and their auth", () => {
    const text = `flow "Orders"
connection shop {
  bearer env SHOP_TOKEN
  domain "shop.example.com"
}
connection desk {
  basic "bot@example.com/token" env DESK_TOKEN
}
connection weather {
  api_key "X-Api-Key" secret "weather key"
  domain "*.weather.example.com"
}
`;
    const ast = ok(text);
    assert.equal(ast.titles[0].name!.value, "Orders");
    assert.deepEqual(ast.connections.map((c) => c.name!.name), ["shop", "desk", "weather"]);
    const [shop, desk, weather] = ast.connections;
    assert.deepEqual(shop.auth, [{ kind: "bearer", span: shop.auth[0].span, source: { kind: "env", name: "SHOP_TOKEN", span: shop.auth[0].source!.span } }]);
    assert.equal(at(text, shop.auth[0].span), "bearer env SHOP_TOKEN");
    assert.deepEqual(shop.domains.map((d) => d.value), ["shop.example.com"]);
    assert.equal(at(text, shop.span), text.slice(text.indexOf("connection shop"), text.indexOf("}") + 1));
    const basic = desk.auth[0];
    assert.equal(basic.kind, "basic");
    assert.equal(basic.kind === "basic" && basic.user!.value, "bot@example.com/token");
    const key = weather.auth[0];
    assert.equal(key.kind === "api_key" && key.header!.value, "X-Api-Key");
    assert.deepEqual(key.source && { kind: key.source.kind, key: key.source.kind === "secret" && key.source.key }, { kind: "secret", key: "weather key" });
  });

  it("reads say, ask with and without a type, goto, handoff and end", () => {
    const text = `say "Hi {{customer.name}}!"
ask email "Your email?" as email
ask note "Anything else?"
goto somewhere
handoff "Passing you on"
handoff
end
`;
    const [say, ask1, ask2, go, hand1, hand2, end] = ok(text).steps;
    assert.equal((say as SayStep).text!.value, "Hi {{customer.name}}!");
    assert.deepEqual((say as SayStep).text!.vars.map((v) => [v.name, at(text, v.span), at(text, v.nameSpan)]), [["customer.name", "{{customer.name}}", "customer.name"]]);
    assert.equal((ask1 as AskStep).variable!.name, "email");
    assert.equal((ask1 as AskStep).type!.name, "email");
    assert.equal(at(text, ask1.span), `ask email "Your email?" as email`);
    assert.equal((ask2 as AskStep).type, undefined);
    assert.equal((go as GotoStep).target!.name, "somewhere");
    assert.equal((hand1 as HandoffStep).message!.value, "Passing you on");
    assert.equal((hand2 as HandoffStep).message, undefined);
    assert.equal(end.kind, "end");
  });

  it("decodes string escapes and keeps variable spans in the source", () => {
    const text = String.raw`say "Tab\there \"{{ x }}\" \u00e9\\"` + "\n";
    const say = ok(text).steps[0] as SayStep;
    assert.equal(say.text!.value, "Tab\there \"{{ x }}\" é\\");
    assert.equal(say.text!.vars[0].name, "x");
    assert.equal(at(text, say.text!.vars[0].span), "{{ x }}");
    assert.equal(at(text, say.text!.vars[0].nameSpan), "x");
  });

  it("reads every part of a call step", () => {
    const text = `call lookup_order "Look up order" {
  description "Fetches the order"
  POST https://shop.example.com/orders/{{id}}?x={{y}}#top   
  connection shop
  header "Accept" "application/json"
  body { "a": [1, 2], "b": "{{id}}" }
  save status = order.status
  save sku = order.items[0].sku
  save odd = ["odd key"].id
  save all = $
  test id = "1001"
  on success {
    say "ok"
  }
  on failure {
    handoff
  }
}
`;
    const call = ok(text).steps[0] as CallStep;
    assert.equal(call.name!.name, "lookup_order");
    assert.equal(call.displayName!.value, "Look up order");
    assert.equal(call.descriptions[0].value, "Fetches the order");
    assert.equal(call.requests.length, 1);
    assert.equal(call.requests[0].method.value, "POST");
    assert.equal(call.requests[0].url!.raw, "https://shop.example.com/orders/{{id}}?x={{y}}#top");
    assert.deepEqual(call.requests[0].url!.vars.map((v) => at(text, v.span)), ["{{id}}", "{{y}}"]);
    assert.equal(call.connections[0].name!.name, "shop");
    assert.deepEqual([call.headers[0].name!.value, call.headers[0].value!.value], ["Accept", "application/json"]);
    assert.equal(call.bodies[0].json!.text, `{ "a": [1, 2], "b": "{{id}}" }`);
    assert.equal(at(text, call.bodies[0].keywordSpan), "body");
    assert.deepEqual(call.saves.map((s) => [s.variable!.name, at(text, s.path!.span), s.path!.segments.map((g) => (g.kind === "key" ? g.key : g.index))]), [
      ["status", "order.status", ["order", "status"]],
      ["sku", "order.items[0].sku", ["order", "items", 0, "sku"]],
      ["odd", `["odd key"].id`, ["odd key", "id"]],
      ["all", "$", []],
    ]);
    assert.deepEqual([call.tests[0].variable!.name, call.tests[0].value!.value], ["id", "1001"]);
    assert.equal(call.onSuccess!.steps[0].kind, "say");
    assert.equal(call.onFailure!.steps[0].kind, "handoff");
    assert.equal(at(text, call.span), text.trimEnd());
    assert.equal(at(text, call.blockSpan), text.slice(text.indexOf("{"), text.trimEnd().length));
  });

  it("reads menus with nested steps", () => {
    const text = `menu main "What now?" {
  option "Again" {
    goto main
  }
  option "Call" {
    call c {
      GET https://api.example.com/x
    }
  }
}
`;
    const menu = ok(text).steps[0] as MenuStep;
    assert.equal(menu.question!.value, "What now?");
    assert.deepEqual(menu.options.map((o) => o.label!.value), ["Again", "Call"]);
    assert.equal(menu.options[1].steps[0].kind, "call");
  });

  it("lets keywords be names", () => {
    const text = `ask end "?"
call test {
  GET https://api.example.com/x
  save save = on.success
}
goto test
`;
    const ast = ok(text);
    assert.equal((ast.steps[0] as AskStep).variable!.name, "end");
    assert.equal((ast.steps[1] as CallStep).saves[0].variable!.name, "save");
    assert.equal((ast.steps[2] as GotoStep).target!.name, "test");
  });

  it("keeps a # on a request line in the URL, elsewhere it starts a comment", () => {
    const text = `# top
call c { # after brace
  GET https://api.example.com/x#frag # not a comment
  save a = b # a comment
}
`;
    const ast = parse(text).ast;
    const call = ast.steps[0] as CallStep;
    assert.equal(call.requests[0].url!.raw, "https://api.example.com/x#frag # not a comment");
    assert.deepEqual(ast.comments.map((c) => at(text, c)), ["# top", "# after brace", "# a comment"]);
  });

  it("reads CRLF line endings like LF", () => {
    const lf = `call c {
  GET https://api.example.com/x
  body {
    "a": 1
  }
  save a = b
}
`;
    const crlf = lf.replace(/\n/g, "\r\n");
    const a = ok(lf).steps[0] as CallStep;
    const b = ok(crlf).steps[0] as CallStep;
    assert.equal(b.requests[0].url!.raw, "https://api.example.com/x");
    assert.equal(b.bodies[0].json!.text, a.bodies[0].json!.text.replace(/\n/g, "\r\n"));
    assert.equal(b.saves.length, 1);
  });

  it("reads an empty file and a file of comments", () => {
    assert.deepEqual(ok("").steps, []);
    assert.deepEqual(ok("# nothing\n\n# here\n").steps, []);
  });
});
