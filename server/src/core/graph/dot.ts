// Graphviz DOT of a flow graph: the text `botflow graph --format dot` prints
// and the SVG is laid out from. Each node carries the step's id (the SVG's
// `<g id>`) and a class naming its kind, so a stylesheet can theme it.

import type { GraphEdge, ShownGraph, ShownNode } from "./flow-graph-model";
import { nodeLines, shorten } from "./node-text";

const SHAPES: Record<ShownNode["kind"], string> = {
  start: 'shape=ellipse, style="filled,bold"',
  say: 'shape=box, style="rounded,filled"',
  ask: "shape=note, style=filled",
  call: 'shape=box, style="filled,bold"',
  menu: "shape=hexagon, style=filled",
  goto: "shape=cds, style=filled",
  handoff: "shape=box, style=filled, peripheries=2",
  end: "shape=octagon, style=filled",
  collapsed: 'shape=folder, style="filled,dashed"',
};

const EDGE_STYLES: Record<GraphEdge["kind"], string> = {
  next: "",
  success: ', color="#2e7d32", fontcolor="#2e7d32"',
  failure: ', color="#c62828", fontcolor="#c62828"',
  option: "",
  goto: ", style=dashed, constraint=false",
};

/** Characters an SVG (XML 1.0) cannot hold, which a string's `\u0001` or a lone surrogate can put in a label. */
export const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A DOT string literal: quotes and backslashes escaped, newlines as Graphviz's centred line breaks, no character XML forbids. */
export function dotString(text: string): string {
  return `"${text.replace(NOT_XML, "\ufffd").replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\r?\n/g, "\\n")}"`;
}

/** Past this many nodes edge labels are placed after layout (xlabel): a label is otherwise a node of its own to lay out. */
const XLABEL_FROM = 300;

export function toDot(graph: ShownGraph, title = "flow"): string {
  const labelAttr = graph.nodes.length > XLABEL_FROM ? "xlabel" : "label";
  const out = [
    `digraph ${dotString(title)} {`,
    // Fewer crossing-minimisation and network-simplex passes: half the layout time of a 500-line flow, the same drawing to the eye.
    '  graph [rankdir=TB, nodesep=0.3, ranksep=0.4, mclimit=0.3, nslimit=2, nslimit1=2, bgcolor="transparent", fontname="Helvetica,Arial,sans-serif"];',
    '  node [fontname="Helvetica,Arial,sans-serif", fontsize=11, margin="0.2,0.06", height=0.35, color="#555555", fillcolor="#ffffff"];',
    '  edge [fontname="Helvetica,Arial,sans-serif", fontsize=9, color="#777777", arrowsize=0.7];',
  ];
  for (const node of graph.nodes) {
    const label = nodeLines(node).join("\n");
    out.push(`  ${dotString(node.id)} [id=${dotString(node.id)}, class=${dotString(`step ${node.kind}`)}, label=${dotString(label)}, ${SHAPES[node.kind]}];`);
  }
  graph.edges.forEach((e, i) => {
    const label = edgeLabel(e);
    out.push(`  ${dotString(e.from)} -> ${dotString(e.to)} [id=${dotString(`edge-${i}`)}, class=${dotString(`link ${e.kind}`)}${label ? `, ${labelAttr}=${dotString(label)}` : ""}${EDGE_STYLES[e.kind]}];`);
  });
  out.push("}");
  return `${out.join("\n")}\n`;
}

/** The text on an edge: an option's label, the outcome of a call, `goto`. */
export function edgeLabel(e: GraphEdge): string {
  if (e.kind === "option") return shorten(e.label ?? "", 32);
  return e.kind === "next" ? "" : e.kind;
}
