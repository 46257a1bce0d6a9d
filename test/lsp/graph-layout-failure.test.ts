// A Graphviz load that fails (a broken install, no memory for its
// WebAssembly) fails that diagram request only: the next one loads again.
// In process: the handler on a stand-in connection, the real core with a
// loadLayout that fails once.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import type { Connection } from "vscode-languageserver/node";
import { buildDocument, checkDocument, getFlowService, type FlowService } from "../../server/src/core/index";
import { FlowDocuments } from "../../server/src/lsp/documents";
import { registerGraphHandler } from "../../server/src/lsp/graph-handler";
import { TestResults } from "../../server/src/lsp/test-results";
import { GRAPH_REQUEST, type GraphResult } from "../../server/src/protocol";

const SAMPLE = readFileSync(new URL("../../samples/order-status.flow", import.meta.url), "utf8");

class OneDocument extends FlowDocuments {
  override diagnostics() {
    const document = buildDocument(SAMPLE);
    return { version: 1, document, diagnostics: checkDocument(document) };
  }
}

describe("lsp: botflow/graph when Graphviz fails to load", () => {
  it("fails that request with the load's error and loads again for the next", async () => {
    const real = getFlowService();
    let loads = 0;
    const core: FlowService = {
      ...real,
      graph: {
        ...real.graph,
        loadLayout: () => (++loads === 1 ? Promise.reject(new Error("WebAssembly.instantiate(): Out of memory")) : real.graph.loadLayout()),
      },
    };
    const handlers = new Map<string, (params: unknown) => Promise<unknown>>();
    const connection = {
      onRequest: (method: string, handler: (params: unknown) => Promise<unknown>) => handlers.set(method, handler),
      sendNotification: async () => undefined,
    } as unknown as Connection;
    registerGraphHandler(connection, core, new OneDocument(() => undefined), new TestResults());
    const ask = () => handlers.get(GRAPH_REQUEST)!({ uri: "file:///order-status.flow" }) as Promise<GraphResult>;

    await assert.rejects(ask(), /Out of memory/);
    const graph = await ask();
    assert.equal(graph.steps, 14);
    assert.match(graph.svg, /^<svg|<svg /);
    assert.equal(loads, 2);
    await ask();
    assert.equal(loads, 2, "a loaded layout is kept");
  });
});
