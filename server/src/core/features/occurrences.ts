// Every place a name is written: definitions (ask, save, step and connection
// names) and uses (`{{var}}`, test lines, goto, a call's connection line).
// Walks every step, unreachable ones included, so a rename misses nothing.

import type { FlowDocument } from "../analysis/document";
import { ownVarUses } from "../analysis/walk";
import type { Span } from "../types";

export type NameKind = "variable" | "step" | "connection";

export interface Occurrence {
  span: Span;
  /** a definition names the thing; a use refers to it */
  role: "definition" | "use";
}

export function occurrences(doc: FlowDocument, kind: NameKind, name: string): Occurrence[] {
  const out: Occurrence[] = [];
  const def = (span: Span) => out.push({ span, role: "definition" });
  const use = (span: Span) => out.push({ span, role: "use" });
  if (kind === "connection") {
    for (const c of doc.ast.connections) if (c.name?.name === name) def(c.name.span);
  }
  for (const step of doc.symbols.allSteps) {
    if (kind === "variable") {
      for (const { ref } of ownVarUses(step)) if (ref.name === name) use(ref.nameSpan);
      if (step.kind === "ask" && step.variable?.name === name) def(step.variable.span);
      if (step.kind === "call") {
        for (const s of step.saves) if (s.variable?.name === name) def(s.variable.span);
        for (const t of step.tests) if (t.variable?.name === name) use(t.variable.span);
      }
    } else if (kind === "step") {
      if ((step.kind === "call" || step.kind === "menu") && step.name?.name === name) def(step.name.span);
      if (step.kind === "goto" && step.target?.name === name) use(step.target.span);
    } else if (step.kind === "call") {
      for (const c of step.connections) if (c.name?.name === name) use(c.name.span);
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}
