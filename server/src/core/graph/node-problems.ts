// Which node each error and warning belongs to: the innermost step whose
// text holds the diagnostic's start. Diagnostics outside every step (a
// connection, the title) belong to the start node, which stands for the file.

import type { Diagnostic } from "../types";
import type { FlowGraph } from "./flow-graph-model";

export interface NodeProblems {
  errors: number;
  warnings: number;
  /** the first error's (else warning's) message */
  first: string;
}

export function problemsByNode(graph: FlowGraph, diagnostics: readonly Diagnostic[]): Map<string, NodeProblems> {
  // Steps are in document order: a step's start precedes those nested in it.
  const steps = graph.nodes.filter((n) => n.kind !== "start");
  const out = new Map<string, NodeProblems>();
  for (const d of diagnostics) {
    if (d.severity !== "error" && d.severity !== "warning") continue;
    const id = ownerOf(steps, d.span.start) ?? "start";
    let p = out.get(id);
    if (!p) out.set(id, (p = { errors: 0, warnings: 0, first: d.message }));
    if (d.severity === "error") {
      if (!p.errors) p.first = d.message;
      p.errors++;
    } else p.warnings++;
  }
  return out;
}

function ownerOf(steps: readonly { id: string; span: { start: number; end: number } }[], offset: number): string | undefined {
  let low = 0;
  let high = steps.length - 1;
  let last = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (steps[mid].span.start <= offset) {
      last = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  // The innermost step holding the offset is the nearest one before it that still reaches it.
  for (let i = last; i >= 0; i--) if (steps[i].span.end >= offset) return steps[i].id;
  return undefined;
}
