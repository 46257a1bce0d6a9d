// What the diagram view shows for one document version: the SVG of the
// (possibly cut-down) graph, and for each drawn node where its text is, its
// errors and warnings, and a call's last test-call status. Computed here so
// the language server only converts offsets to positions.

import type { FlowDocument } from "../analysis/document";
import type { TestResultLookup } from "../features/test-call-summary";
import { summaryTitle } from "../features/test-call-summary";
import type { Diagnostic, Span } from "../types";
import { buildGraph } from "./build-graph";
import type { ShownNode } from "./flow-graph-model";
import { limitGraph } from "./limit-graph";
import { problemsByNode, type NodeProblems } from "./node-problems";
import { graphTitle } from "./render";
import { toSvg, type LayoutDot } from "./svg";

export interface DiagramNodeInfo {
  id: string;
  kind: ShownNode["kind"];
  label: string;
  name?: string;
  span: Span;
  /** the errors and warnings of the step, or of the steps a collapsed box stands for */
  problems?: NodeProblems;
  /** a call's last test call: `200 OK · 143 ms` */
  testCall?: { ok: boolean; title: string };
}

export interface Diagram {
  svg: string;
  nodes: DiagramNodeInfo[];
  /** steps in the flow, and how many of them are inside collapsed boxes */
  steps: number;
  hidden: number;
}

export function buildDiagram(document: FlowDocument, diagnostics: readonly Diagnostic[], lastTestResult: TestResultLookup, layout: LayoutDot, maxNodes: number): Diagram {
  const graph = buildGraph(document.ast, document.lines);
  const shown = limitGraph(graph, maxNodes);
  const problems = new Map<string, NodeProblems>();
  for (const [id, p] of problemsByNode(graph, diagnostics)) {
    const at = shown.shownAs.get(id) ?? id;
    const sum = problems.get(at);
    if (!sum) problems.set(at, { ...p });
    else {
      if (!sum.errors && p.errors) sum.first = p.first;
      sum.errors += p.errors;
      sum.warnings += p.warnings;
    }
  }
  const nodes = shown.nodes.map((node): DiagramNodeInfo => {
    const info: DiagramNodeInfo = { id: node.id, kind: node.kind, label: node.label, span: node.span };
    if (node.name !== undefined) info.name = node.name;
    const p = problems.get(node.id);
    if (p) info.problems = p;
    const result = node.kind === "call" && node.name ? lastTestResult(node.name) : undefined;
    if (result) info.testCall = { ok: result.status !== undefined && result.status >= 200 && result.status < 300, title: summaryTitle(result) };
    return info;
  });
  return { svg: toSvg(shown, layout, graphTitle(document)), nodes, steps: graph.nodes.length - 1, hidden: shown.hidden };
}
