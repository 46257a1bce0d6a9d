// The editor's views of a step's sample through the core's features: hover on
// a save path, completion after `save NAME = ` and the lens title, from a
// recorded sample (read by the real parser) or the step's inline example.

import assert from "node:assert/strict";
import { buildDocument } from "../../../server/src/core/analysis/document";
import { testCallLenses } from "../../../server/src/core/features/code-lens";
import { complete } from "../../../server/src/core/features/completion";
import { hover } from "../../../server/src/core/features/hover";
import { marked } from "../../helpers/markers";
import { RECORDED, samplesOf } from "../../helpers/samples";

const NOW = new Date(Date.parse(RECORDED) + 2 * 24 * 3600_000 + 60_000);

const FLOW = (saves: string, example = "") => `call lookup_order {
  GET https://shop.example.com/orders/1
${example}  ${saves}
  on success {
    say "hi"
  }
}
`;

describe("features: recorded samples in hover, completion and lenses", () => {
  const samples = samplesOf({ lookup_order: { order: { status: "shipped", total: 12.5, items: [{ sku: "A-1" }] } } });

  it("hover on a save path shows the sample's value, type and age", () => {
    const { text, cursors } = marked(FLOW("save status = order.st<|>atus"));
    const found = hover(buildDocument(text), cursors[0], { samples, now: NOW });
    assert.equal(found?.markdown, '**order.status** · string\n\nRecorded sample: `"shipped"` (string) · recorded 2 days ago');
    assert.equal(hover(buildDocument(text), cursors[0], { now: NOW }), undefined, "no sample, no hover on the path");
  });

  it("completion after `save NAME = ` offers the sample's paths with types, and the example's when there is no sample", () => {
    const { text, cursors } = marked(FLOW("save x = <|>"));
    const items = complete(buildDocument(text), cursors[0], { samples, now: NOW });
    assert.deepEqual(items.map((i) => [i.label, i.detail]), [
      ["order", "object · {3 keys}"],
      ["order.status", 'string · "shipped"'],
      ["order.total", "number · 12.5"],
      ["order.items", "array · [1 item]"],
      ["order.items[0]", "object · {1 key}"],
      ["order.items[0].sku", 'string · "A-1"'],
    ]);
    assert.equal(items[1].documentation, "From the recorded sample, recorded 2 days ago");

    const withExample = marked(FLOW("save x = <|>", '  example {"ticket": {"id": 7}}\n'));
    const fromExample = complete(buildDocument(withExample.text), withExample.cursors[0], { now: NOW });
    assert.deepEqual(fromExample.map((i) => i.label), ["ticket", "ticket.id"]);
    assert.equal(fromExample[1].documentation, "From the step's example");
  });

  it("the lens says when the sample was recorded until the step is run", () => {
    const doc = buildDocument(FLOW("save status = order.status"));
    assert.deepEqual(testCallLenses(doc, undefined, { samples, now: NOW }).map((l) => l.title), ["Run test call · 200 · recorded 2 days ago"]);
    assert.deepEqual(testCallLenses(doc, () => ({ status: 200, statusText: "OK", durationMs: 143 }), { samples, now: NOW }).map((l) => l.title), ["Run test call · 200 OK · 143 ms"]);
    assert.deepEqual(testCallLenses(doc).map((l) => l.title), ["Run test call"]);
  });
});
