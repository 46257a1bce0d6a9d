import assert from "node:assert/strict";
import { buildDocument } from "../../../server/src/core/analysis/document";
import { hover } from "../../../server/src/core/features/hover";
import type { TestCallSummary } from "../../../server/src/core/features/test-call-summary";
import { markedCursor } from "../../helpers/markers";

const FLOW = `connection shop {
  bearer env SHOP_TOKEN
  domain "shop.example.com"
}
ask order "Your order number?" as number
call lookup "Look up order" {
  description "Reads the order"
  GET https://shop.example.com/orders?id={{order}}
  connection shop
  save status = order.status
  on success {
    say "It is {{status}} for {{customer.name}}"
  }
}
menu more "Anything else?" {
  option "Again" {
    goto lookup
  }
}
`;

/** Hover in FLOW where `^` stands in `anchor` (the anchor's first occurrence). */
function hoverAt(anchor: string, lastTestResult?: (step: string) => TestCallSummary | undefined) {
  const at = FLOW.indexOf(anchor.replace("^", ""));
  assert.ok(at >= 0, `anchor ${anchor} not in the flow`);
  return hover(buildDocument(FLOW), at + anchor.indexOf("^"), { lastTestResult });
}

describe("features: hover", () => {
  it("shows an asked variable's origin and type", () => {
    const h = hoverAt("id={{or^der}}")!;
    assert.match(h.markdown, /\*\*order\*\* · asked \(number\)/);
    assert.match(h.markdown, /Your order number\?/);
  });

  it("shows a saved variable's step and path, and its sample value once a test call ran", () => {
    assert.match(hoverAt("{{sta^tus}}")!.markdown, /saved \(json\)[\s\S]*`lookup` from `order.status`/);
    const result: TestCallSummary = { status: 200, statusText: "OK", durationMs: 143, savedValues: { status: "\"shipped\"" } };
    assert.match(hoverAt("{{sta^tus}}", (s) => (s === "lookup" ? result : undefined))!.markdown, /Last test call: `"shipped"`/);
    const fromFields: TestCallSummary = { status: 200, durationMs: 1, fields: [{ path: "order.status", value: "\"open\"", type: "string" }] };
    assert.match(hoverAt("save sta^tus", () => fromFields)!.markdown, /`"open"`/);
  });

  it("shows a system variable's description", () => {
    assert.match(hoverAt("{{customer.na^me}}")!.markdown, /system variable \(name\)[\s\S]*full name/);
  });

  it("summarises a call step: request, connection, saves, last result", () => {
    const result: TestCallSummary = { status: 200, statusText: "OK", durationMs: 143 };
    const h = hoverAt("goto loo^kup", () => result)!;
    assert.match(h.markdown, /\*\*call lookup\*\* · Look up order/);
    assert.match(h.markdown, /`GET https:\/\/shop\.example\.com\/orders\?id=\{\{order\}\}`/);
    assert.match(h.markdown, /connection `shop` · saves `status`/);
    assert.match(h.markdown, /Last test call: 200 OK · 143 ms/);
  });

  it("describes a menu, a connection and an HTTP method", () => {
    assert.match(hoverAt("menu mo^re")!.markdown, /Options: "Again"/);
    const connection = hoverAt("connection sh^op\n  save")!.markdown;
    assert.match(connection, /Bearer token from environment variable `SHOP_TOKEN`/);
    assert.match(connection, /Only sent to: `shop.example.com`/);
    assert.match(hoverAt("G^ET https")!.markdown, /\*\*GET\*\* · reads data/);
  });

  it("covers exactly the name", () => {
    const { text, offset } = markedCursor(FLOW.replace("{{order}}", "{{or<|>der}}"));
    const h = hover(buildDocument(text), offset)!;
    assert.equal(text.slice(h.span.start, h.span.end), "order");
  });

  it("says when a variable is not defined, and shows nothing on plain text", () => {
    assert.match(hover(buildDocument('say "{{nope}}"'), 8)!.markdown, /not defined/);
    assert.equal(hover(buildDocument('say "hello"'), 6), undefined);
  });
});
