// botflow/graph over stdio against the bundled server: the SVG and node list
// of the current version, with errors per node and a call's last test-call
// status; botflow/graphChanged when a test result arrives.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { XMLValidator } from "fast-xml-parser";
import { GRAPH_CHANGED_NOTIFICATION, GRAPH_REQUEST, TEST_CALL_RESULT_NOTIFICATION, type GraphResult } from "../../server/src/protocol";
import { newUri, useServer } from "./support";

const SAMPLE = readFileSync(new URL("../../samples/order-status.flow", import.meta.url), "utf8");

describe("lsp: botflow/graph", function () {
  this.timeout(20_000);
  const { client } = useServer();

  it("answers the current version's SVG and nodes with their ranges", async () => {
    const uri = newUri("graph");
    await client().open(uri, SAMPLE, 3);
    const graph = await client().request<GraphResult>(GRAPH_REQUEST, { uri });
    assert.equal(graph.version, 3);
    assert.equal(XMLValidator.validate(graph.svg), true);
    assert.equal(graph.steps, 14);
    assert.equal(graph.hidden, 0);
    const call = graph.nodes.find((n) => n.id === "call-lookup_order")!;
    assert.deepEqual(call.range.start, { line: 20, character: 0 });
    assert.equal(call.range.end.line, 36, "to the closing brace");
    assert.match(graph.svg, /<g id="call&#45;lookup_order" class="node step call">/);
    assert.equal(graph.nodes.some((n) => n.problems), false, "the sample has no error or warning");

    const edited = SAMPLE.replace('say "Happy to help. Bye!"', 'say "Happy to help. Bye!"\n    goto nowhere');
    await client().change(uri, 4, [{ text: edited }]);
    const after = await client().request<GraphResult>(GRAPH_REQUEST, { uri });
    assert.equal(after.version, 4);
    const bad = after.nodes.find((n) => n.kind === "goto" && n.name === "nowhere")!;
    assert.equal(bad.problems?.errors, 1);
    assert.match(bad.problems!.first, /nowhere/);
  });

  it("shows a call's last test call and says when it changed", async () => {
    const uri = newUri("graph");
    await client().open(uri, SAMPLE);
    const changed = new Promise<unknown>((done) => client().connection.onNotification(GRAPH_CHANGED_NOTIFICATION, done));
    await client().notify(TEST_CALL_RESULT_NOTIFICATION, { uri, step: "lookup_order", result: { status: 404, statusText: "Not Found", durationMs: 12 } });
    assert.deepEqual(await changed, { uri });
    const graph = await client().request<GraphResult>(GRAPH_REQUEST, { uri });
    assert.deepEqual(graph.nodes.find((n) => n.id === "call-lookup_order")!.testCall, { ok: false, title: "404 Not Found · 12 ms" });
  });

  it("refuses a document that is not open", async () => {
    await assert.rejects(client().request(GRAPH_REQUEST, { uri: newUri("closed") }), /Open the \.flow file first/);
    await assert.rejects(client().request(GRAPH_REQUEST, {}), /uri is required/);
  });
});
