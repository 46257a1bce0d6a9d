// A flow too large to lay out quickly is still drawn: first every branch of
// a top-level step becomes one box ("4 steps"), then, if that is still too
// many, the steps past the budget become one "… more steps" box. Edges follow
// the boxes that stand for their ends; a box's inner edges disappear.

import type { FlowGraph, GraphEdge, GraphNode, ShownGraph, ShownNode } from "./flow-graph-model";

/** About 50 ms of Graphviz layout on two slow cores: the editor's server stays responsive. */
export const DIAGRAM_NODE_BUDGET = 600;

export function limitGraph(graph: FlowGraph, maxNodes: number): ShownGraph {
  const shownAs = new Map<string, string>();
  if (graph.nodes.length <= maxNodes) {
    for (const node of graph.nodes) shownAs.set(node.id, node.id);
    return { nodes: graph.nodes, edges: graph.edges, hidden: 0, shownAs };
  }
  const heads = new Set(graph.edges.filter((e) => e.kind !== "goto" && e.kind !== "next").map((e) => e.to));
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const nodes: ShownNode[] = [];
  let box: ShownNode | undefined;
  for (const node of graph.nodes) {
    if (node.depth === 0) {
      box = undefined;
      nodes.push(node);
      shownAs.set(node.id, node.id);
      continue;
    }
    // A branch starts at the first step a call or menu leads to; the steps nested after it belong to it.
    if (!box || (node.depth === 1 && heads.has(node.id))) {
      box = collapsedBox(`${node.id}-collapsed`, node, 0);
      nodes.push(box);
    }
    box.collapsed = (box.collapsed ?? 0) + 1;
    box.span = { start: box.span.start, end: Math.max(box.span.end, node.span.end) };
    box.label = `${box.collapsed} step${box.collapsed === 1 ? "" : "s"}`;
    shownAs.set(node.id, box.id);
  }
  let shown = nodes;
  if (shown.length > maxNodes) {
    const keep = shown.slice(0, Math.max(1, maxNodes - 1));
    const rest = shown.slice(keep.length);
    const more = collapsedBox("more-steps", byId.get(rest[0].id) ?? rest[0], 0);
    more.collapsed = rest.reduce((sum, n) => sum + (n.collapsed ?? 1), 0);
    more.span = { start: rest[0].span.start, end: Math.max(...rest.map((n) => n.span.end)) };
    more.label = `… ${more.collapsed} more steps`;
    const restIds = new Set(rest.map((n) => n.id));
    for (const [original, standsFor] of shownAs) if (restIds.has(standsFor)) shownAs.set(original, more.id);
    shown = [...keep, more];
  }
  return { nodes: shown, edges: mapEdges(graph.edges, shownAs), hidden: graph.nodes.length - shown.filter((n) => n.kind !== "collapsed").length, shownAs };
}

function collapsedBox(id: string, first: GraphNode | ShownNode, collapsed: number): ShownNode {
  return { id, kind: "collapsed", line: first.line, label: "", span: first.span, depth: first.depth, collapsed };
}

function mapEdges(edges: readonly GraphEdge[], shownAs: Map<string, string>): GraphEdge[] {
  const out: GraphEdge[] = [];
  const seen = new Set<string>();
  for (const e of edges) {
    const from = shownAs.get(e.from) ?? e.from;
    const to = shownAs.get(e.to) ?? e.to;
    // Edges inside one box vanish.
    if (from === to) continue;
    const key = `${from}\n${to}\n${e.kind}\n${e.label ?? ""}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ...e, from, to });
  }
  return out;
}
