// The diagram's node under the cursor: the innermost drawn node holding the
// position, the start node (the whole file) when no step does.

import assert from "node:assert/strict";
import { analyze } from "../../../server/src/core/analyze";
import { buildDiagram } from "../../../server/src/core/graph/diagram";
import { toRange } from "../../../server/src/lsp/convert";
import { nodeAt } from "../../../client/src/diagram/node-at";
import type { DiagramNode } from "../../../server/src/protocol";
import { flowFiles } from "../../core/features/flow-files";

describe("client: the diagram node under the cursor", () => {
  const { document, diagnostics } = analyze(flowFiles().find((f) => f.name === "samples/order-status.flow")!.text);
  const diagram = buildDiagram(document, diagnostics, () => undefined, () => "<svg/>", 600);
  const nodes: DiagramNode[] = diagram.nodes.map(({ span, ...n }) => ({ ...n, range: toRange(document.lines, span) }));
  const at = (line: number, character = 4) => nodeAt(nodes, { line: line - 1, character })?.id;

  it("finds the innermost step, else the start node", () => {
    assert.equal(at(23), "call-lookup_order", "the call's request line");
    assert.equal(at(31), "say-31", "a step in its success branch");
    assert.equal(at(46), "goto-46", "a goto inside a menu option");
    assert.equal(at(40), "menu-next_step", "an option's line belongs to the menu");
    assert.equal(at(13), "start", "a connection is outside every step");
  });

  it("finds the collapsed box standing for a hidden step", () => {
    const small = buildDiagram(document, diagnostics, () => undefined, () => "<svg/>", 10);
    const shown: DiagramNode[] = small.nodes.map(({ span, ...n }) => ({ ...n, range: toRange(document.lines, span) }));
    assert.equal(nodeAt(shown, { line: 30, character: 4 })?.kind, "collapsed");
    assert.equal(nodeAt(shown, { line: 20, character: 2 })?.id, "call-lookup_order");
  });
});
