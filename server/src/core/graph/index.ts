// The flow as a graph, for `botflow graph` and the diagram view: build once,
// cut down for layout when large, then render as JSON, DOT, Mermaid or SVG.

export type { FlowGraph, GraphEdge, GraphEdgeKind, GraphNode, GraphNodeKind, ShownGraph, ShownNode } from "./flow-graph-model";
export { EDGE_KINDS, NODE_KINDS } from "./flow-graph-model";
export { buildGraph } from "./build-graph";
export { DIAGRAM_NODE_BUDGET, limitGraph } from "./limit-graph";
export { toJsonGraph, type JsonGraph } from "./json";
export { toDot } from "./dot";
export { toMermaid } from "./mermaid";
export { toSvg, type LayoutDot } from "./svg";
export { problemsByNode, type NodeProblems } from "./node-problems";
export { GRAPH_FORMATS, graphTitle, renderGraph, type GraphFormat, type Rendered } from "./render";
export { buildDiagram, type Diagram, type DiagramNodeInfo } from "./diagram";
