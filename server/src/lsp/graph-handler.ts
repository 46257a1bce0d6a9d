// The diagram in the server: botflow/graph answers the current version's
// SVG and node list (core/graph/diagram.ts), and botflow/graphChanged tells
// the client when a test call's result changes what the nodes show.
// Graphviz (≈800 KB of JavaScript with its WebAssembly) loads on the first
// diagram, not at start.

import { LSPErrorCodes, ResponseError, type Connection } from "vscode-languageserver/node";
import { DIAGRAM_NODE_BUDGET, type FlowService, type LayoutDot } from "../core/index";
import { GRAPH_CHANGED_NOTIFICATION, GRAPH_REQUEST, type GraphParams, type GraphResult } from "../protocol";
import { toRange } from "./convert";
import type { FlowDocuments } from "./documents";
import type { TestResults } from "./test-results";

export function registerGraphHandler(connection: Connection, core: FlowService, documents: FlowDocuments, results: TestResults): void {
  let layout: Promise<LayoutDot> | undefined;
  results.onDidSet((uri) => void connection.sendNotification(GRAPH_CHANGED_NOTIFICATION, { uri }));

  connection.onRequest(GRAPH_REQUEST, async (raw: unknown): Promise<GraphResult> => {
    const params = raw as GraphParams;
    if (!params || typeof params.uri !== "string") throw new ResponseError(LSPErrorCodes.RequestFailed, `${GRAPH_REQUEST}: uri is required`);
    // A failed load is not kept: the next diagram tries again instead of failing until a restart.
    const dot = await (layout ??= core.graph.loadLayout().catch((error: unknown) => {
      layout = undefined;
      throw error;
    }));
    // Taken after the wait: the version current now, not when the request came.
    const analysed = documents.diagnostics(params.uri);
    if (!analysed) throw new ResponseError(LSPErrorCodes.RequestFailed, "Open the .flow file first");
    const { document, diagnostics, version } = analysed;
    const diagram = core.graph.diagram(document, diagnostics, results.lookup(params.uri), dot, DIAGRAM_NODE_BUDGET);
    return {
      version,
      svg: diagram.svg,
      steps: diagram.steps,
      hidden: diagram.hidden,
      nodes: diagram.nodes.map(({ span, ...node }) => ({ ...node, range: toRange(document.lines, span) })),
    };
  });
}
