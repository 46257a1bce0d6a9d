// A Mermaid flowchart of a flow graph, for Markdown that GitHub renders.
// Mermaid ids are restricted (and `end` is a keyword), so nodes are `n0`,
// `n1`, … in order; each node's step id follows as a comment. Texts are
// quoted with Mermaid's entity codes for the characters it would parse.

import type { GraphEdge, ShownGraph, ShownNode } from "./flow-graph-model";
import { NOT_XML, edgeLabel } from "./dot";
import { nodeLines } from "./node-text";

const SHAPES: Record<ShownNode["kind"], [string, string]> = {
  start: ["([", "])"],
  say: ["(", ")"],
  ask: ["[/", "/]"],
  call: ["[[", "]]"],
  menu: ["{{", "}}"],
  goto: [">", "]"],
  handoff: ["[\\", "/]"],
  end: ["((", "))"],
  collapsed: ["[", "]"],
};

const ARROWS: Record<GraphEdge["kind"], string> = {
  next: "-->",
  success: "-->",
  failure: "-->",
  option: "-->",
  goto: "-.->",
};

/** Text inside `"…"`: Mermaid reads `#name;` entities, and quotes, brackets and `#` would end or change the text. */
export function mermaidText(text: string): string {
  return text.replace(NOT_XML, "\ufffd").replace(/[#"<>&|[\]{}()]/g, (c) => `#${c.charCodeAt(0)};`);
}

export function toMermaid(graph: ShownGraph): string {
  const alias = new Map<string, string>();
  graph.nodes.forEach((n, i) => alias.set(n.id, `n${i}`));
  const out = ["flowchart TD"];
  for (const node of graph.nodes) {
    const [open, close] = SHAPES[node.kind];
    out.push(`  %% ${node.id}, line ${node.line}`);
    out.push(`  ${alias.get(node.id)}${open}"${nodeLines(node).map(mermaidText).join("<br/>")}"${close}`);
  }
  for (const e of graph.edges) {
    const from = alias.get(e.from);
    const to = alias.get(e.to);
    if (!from || !to) continue;
    const label = edgeLabel(e);
    out.push(`  ${from} ${ARROWS[e.kind]}${label ? `|"${mermaidText(label)}"|` : ""} ${to}`);
  }
  const styles: [ShownNode["kind"], string][] = [["call", "stroke-width:2px"], ["collapsed", "stroke-dasharray:4 3"]];
  for (const [kind, style] of styles) {
    const members = graph.nodes.filter((n) => n.kind === kind).map((n) => alias.get(n.id));
    if (members.length) out.push(`  classDef ${kind}Step ${style}`, `  class ${members.join(",")} ${kind}Step`);
  }
  return `${out.join("\n")}\n`;
}
