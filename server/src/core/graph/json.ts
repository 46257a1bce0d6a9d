// The graph as `botflow graph --format json` prints it (docs/graph.md):
// nodes with id, kind, 1-based line and label (and name when the step has
// one), edges with from, to, kind and an option's label.

import type { FlowGraph, GraphEdge, GraphNodeKind } from "./flow-graph-model";

export interface JsonGraph {
  nodes: { id: string; kind: GraphNodeKind; line: number; label: string; name?: string }[];
  edges: GraphEdge[];
}

export function toJsonGraph(graph: FlowGraph): JsonGraph {
  return {
    nodes: graph.nodes.map((n) => ({ id: n.id, kind: n.kind, line: n.line, label: n.label, ...(n.name !== undefined ? { name: n.name } : {}) })),
    edges: graph.edges.map((e) => ({ ...e })),
  };
}
