// The flow as a graph: one node per step plus a start, edges for every way
// the conversation can move on. Built once per document (build-graph.ts) and
// shared by every output: JSON, DOT, Mermaid, SVG and the diagram view.

import type { Span } from "../types";

export const NODE_KINDS = ["start", "say", "ask", "call", "menu", "goto", "handoff", "end"] as const;
export type GraphNodeKind = (typeof NODE_KINDS)[number];

export const EDGE_KINDS = ["next", "success", "failure", "option", "goto"] as const;
export type GraphEdgeKind = (typeof EDGE_KINDS)[number];

export interface GraphNode {
  /** unique in the graph and stable across edits that keep the step: `start`, `call-lookup_order`, `say-18` */
  id: string;
  kind: GraphNodeKind;
  /** 1-based line of the step's first character */
  line: number;
  /** what the step says or is called: a message, a prompt, a call's display name, a menu's question */
  label: string;
  /** the step's name (call, menu), variable (ask) or target (goto) when written */
  name?: string;
  /** the step's text in the document (the start node: the whole file) */
  span: Span;
  /** how deep in branches the step sits: 0 for the top level */
  depth: number;
}

export interface GraphEdge {
  from: string;
  to: string;
  kind: GraphEdgeKind;
  /** an option's text */
  label?: string;
}

export interface FlowGraph {
  /** the start node first, then the steps in document order (a block's steps before those nested after them) */
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** A node of a cut-down graph: a step, or one box standing for several hidden steps. */
export interface ShownNode extends Omit<GraphNode, "kind"> {
  kind: GraphNodeKind | "collapsed";
  /** how many steps a `collapsed` node stands for */
  collapsed?: number;
}

/** A graph cut down to be laid out quickly; `shownAs` maps every original node to the node that stands for it. */
export interface ShownGraph {
  nodes: ShownNode[];
  edges: GraphEdge[];
  /** steps of the original graph not drawn themselves */
  hidden: number;
  shownAs: Map<string, string>;
}
