// One entry for every text output of the graph: the CLI names a format, the
// language server asks for SVG. Layout-free formats never load Graphviz.

import type { FlowDocument } from "../analysis/document";
import { buildGraph } from "./build-graph";
import { toDot } from "./dot";
import type { FlowGraph, ShownGraph } from "./flow-graph-model";
import { toJsonGraph } from "./json";
import { limitGraph } from "./limit-graph";
import { toMermaid } from "./mermaid";
import { toSvg, type LayoutDot } from "./svg";

export const GRAPH_FORMATS = ["json", "dot", "svg", "mermaid"] as const;
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

/** The flow's title (or "flow"), as the DOT graph is named. */
export function graphTitle(document: FlowDocument): string {
  return document.ast.titles[0]?.name?.value || "flow";
}

export interface Rendered {
  text: string;
  graph: FlowGraph;
  shown?: ShownGraph;
}

/** `maxNodes` cuts a drawing (dot, svg, mermaid) down; JSON is always the whole graph. `layout` is needed for svg only. */
export function renderGraph(document: FlowDocument, format: GraphFormat, maxNodes: number, layout?: LayoutDot): Rendered {
  const graph = buildGraph(document.ast, document.lines);
  if (format === "json") return { text: `${JSON.stringify(toJsonGraph(graph), null, 2)}\n`, graph };
  const shown = limitGraph(graph, maxNodes);
  if (format === "dot") return { text: toDot(shown, graphTitle(document)), graph, shown };
  if (format === "mermaid") return { text: toMermaid(shown), graph, shown };
  if (!layout) throw new Error("an SVG needs a layout");
  return { text: toSvg(shown, layout, graphTitle(document)), graph, shown };
}
