import assert from "node:assert/strict";
import { applyFix, expectClean, expectNone, expectRanges, withCode } from "./kit";
import { samplesOf } from "../../helpers/samples";
import { parseSample } from "../../../server/src/core/samples/sample";

const ORDER = {
  order: {
    id: 1001,
    status: "shipped",
    shipping: { city: "Lyon", zip: "69001" },
    items: [{ sku: "A-1", qty: 1 }, { sku: "B-2", gift: true }],
    "odd key": { id: 7 },
  },
};

const flow = (saves: string[]) => `call lookup_order {
  GET https://shop.example.com/orders/1
${saves.map((s) => `  ${s}`).join("\n")}
  on success {
    say "${saves.map((s) => `{{${/save (\w+)/.exec(s.replace(/\[\[|\]\]/g, ""))![1]}}}`).join(" ")}"
  }
}
`;

describe("rule save-path-missing", () => {
  const samples = samplesOf({ lookup_order: ORDER });

  it("flags a path the recorded sample does not have, with the nearest path in the message", () => {
    const [d] = expectRanges(flow(["save city = [[order.shiping.city]]"]), "save-path-missing", "warning", { samples });
    assert.equal(d.message, "order.shiping.city is not in the recorded sample of lookup_order: did you mean order.shipping.city?");
  });

  it("never flags a path the sample has: keys, nested keys, $, bracket keys, containers", () => {
    expectClean(flow([
      "save status = order.status",
      "save city = order.shipping.city",
      "save whole = $",
      "save odd = order[\"odd key\"].id",
      "save shipping = order.shipping",
      "save items = order.items",
    ]).replace("call lookup_order", "call lookup_order"));
    expectNone(flow(["save status = order.status", "save whole = $", "save odd = order[\"odd key\"].id", "save items = order.items"]), "save-path-missing", { samples });
  });

  it("judges array items by the union of their shapes, whatever the index", () => {
    // `gift` is only in the second item, `qty` only in the first; [5] is past the sample's two items
    expectNone(flow(["save gift = order.items[0].gift", "save qty = order.items[1].qty", "save sku = order.items[5].sku"]), "save-path-missing", { samples });
    expectRanges(flow(["save colour = [[order.items[0].colour]]"]), "save-path-missing", "warning", { samples });
  });

  it("fixes to the nearest path, keeping the typed index", () => {
    const { fixed, fix } = applyFix(flow(["save sku = order.items[3].skuu"]), "save-path-missing", undefined, { samples });
    assert.equal(fix.title, "Change to order.items[3].sku");
    assert.match(fixed, /save sku = order\.items\[3\]\.sku\n/);
  });

  it("offers no fix when nothing is close, and says so in the message only by leaving the question out", () => {
    const [d] = withCode(flow(["save x = order.zzzzzzzz"]), "save-path-missing", { samples });
    assert.equal(d.message, "order.zzzzzzzz is not in the recorded sample of lookup_order");
    assert.equal(d.fixes, undefined);
  });

  it("says nothing without a sample, for another step's sample, or for a sample that cannot judge", () => {
    const text = flow(["save city = order.shiping.city"]);
    expectNone(text, "save-path-missing");
    expectNone(text, "save-path-missing", { samples: samplesOf({ other_step: ORDER }) });
    // recorded from a 404: an error body says nothing about the success body
    const notFound = parseSample(JSON.stringify({ status: 404, recorded: "2026-11-30T09:15:00Z", body: { error: "no" } }));
    expectNone(text, "save-path-missing", { samples: new Map([["lookup_order", notFound]]) });
    // a response that was not JSON
    const notJson = parseSample(JSON.stringify({ status: 200, recorded: "2026-11-30T09:15:00Z", reason: "the response is not JSON" }));
    expectNone(text, "save-path-missing", { samples: new Map([["lookup_order", notJson]]) });
  });

  it("does not judge a path below a container the capping rule cut without keeping every shape", () => {
    const capped = parseSample(JSON.stringify({
      status: 200, recorded: "2026-11-30T09:15:00Z",
      body: { order: { items: [{ sku: "A" }] } },
      capped: [{ path: "order.items", kept: 1, of: 500, allShapes: false }],
    }));
    expectNone(flow(["save colour = order.items[0].colour"]), "save-path-missing", { samples: new Map([["lookup_order", capped]]) });
    const complete = parseSample(JSON.stringify({
      status: 200, recorded: "2026-11-30T09:15:00Z",
      body: { order: { items: [{ sku: "A" }] } },
      capped: [{ path: "order.items", kept: 1, of: 500, allShapes: true }],
    }));
    expectRanges(flow(["save colour = [[order.items[0].colour]]"]), "save-path-missing", "warning", { samples: new Map([["lookup_order", complete]]) });
  });
  it("judges a step without a recorded sample by its inline example (any indentation), and prefers the recorded sample", () => {
    const withExample = (save: string) => `call lookup_order {
  GET https://shop.example.com/orders/1
  example {
	"order": {"status": "shipped",
"shipping": {"city": "Lyon"}}
  }
  ${save}
  on success {
    say "{{city}}"
  }
}
`;
    const [d] = expectRanges(withExample("save city = [[order.shiping.city]]"), "save-path-missing", "warning");
    assert.match(d.message, /did you mean order\.shipping\.city\?/);
    expectNone(withExample("save city = order.shipping.city"), "save-path-missing");
    // a recorded sample wins over the example: its shape is what the API really returns
    expectNone(withExample("save city = order.shiping.city"), "save-path-missing", { samples: samplesOf({ lookup_order: { order: { shiping: { city: "Lyon" } } } }) });
  });
});
