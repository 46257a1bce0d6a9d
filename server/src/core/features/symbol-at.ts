// What name is under the cursor — a variable, a step, a connection, or an
// HTTP method — found by descending the tree to the innermost step that
// holds the offset. Hover, definition, references and rename start here.

import type { FlowDocument } from "../analysis/document";
import { ownVarUses } from "../analysis/walk";
import type { CallStep, RequestLine, Step, VarRef } from "../syntax/ast";
import type { Span } from "../types";
import { touches } from "./spans";

export type Target =
  | { kind: "variable"; name: string; span: Span; role: "definition" | "use" | "test"; step: Step; ref?: VarRef }
  | { kind: "step"; name: string; span: Span; role: "definition" | "use"; step: Step }
  | { kind: "connection"; name: string; span: Span; role: "definition" | "use" }
  | { kind: "method"; span: Span; call: CallStep; request: RequestLine };

export function symbolAt(doc: FlowDocument, offset: number): Target | undefined {
  for (const connection of doc.ast.connections) {
    if (connection.name && touches(connection.name.span, offset)) return { kind: "connection", name: connection.name.name, span: connection.name.span, role: "definition" };
  }
  const step = innermostStep(doc.ast.steps, offset);
  return step ? inStep(step, offset) : undefined;
}

/** The deepest step whose text holds the offset. */
export function innermostStep(steps: Step[], offset: number): Step | undefined {
  for (const step of steps) {
    if (step.span.start > offset) return undefined;
    if (!touches(step.span, offset)) continue;
    const nested = step.kind === "call"
      ? [step.onSuccess, step.onFailure].flatMap((b) => (b ? b.steps : []))
      : step.kind === "menu" ? step.options.flatMap((o) => o.steps) : [];
    return innermostStep(nested, offset) ?? step;
  }
  return undefined;
}

function inStep(step: Step, offset: number): Target | undefined {
  for (const { ref } of ownVarUses(step)) {
    if (touches(ref.span, offset) && ref.name) return { kind: "variable", name: ref.name, span: ref.nameSpan, role: "use", step, ref };
  }
  switch (step.kind) {
    case "ask":
      if (step.variable && touches(step.variable.span, offset)) return { kind: "variable", name: step.variable.name, span: step.variable.span, role: "definition", step };
      return undefined;
    case "goto":
      if (step.target && touches(step.target.span, offset)) return { kind: "step", name: step.target.name, span: step.target.span, role: "use", step };
      return undefined;
    case "menu":
      if (step.name && touches(step.name.span, offset)) return { kind: "step", name: step.name.name, span: step.name.span, role: "definition", step };
      return undefined;
    case "call":
      return inCall(step, offset);
    default:
      return undefined;
  }
}

function inCall(call: CallStep, offset: number): Target | undefined {
  if (call.name && touches(call.name.span, offset)) return { kind: "step", name: call.name.name, span: call.name.span, role: "definition", step: call };
  for (const save of call.saves) {
    if (save.variable && touches(save.variable.span, offset)) return { kind: "variable", name: save.variable.name, span: save.variable.span, role: "definition", step: call };
  }
  for (const test of call.tests) {
    if (test.variable && touches(test.variable.span, offset)) return { kind: "variable", name: test.variable.name, span: test.variable.span, role: "test", step: call };
  }
  for (const use of call.connections) {
    if (use.name && touches(use.name.span, offset)) return { kind: "connection", name: use.name.name, span: use.name.span, role: "use" };
  }
  for (const request of call.requests) {
    if (touches(request.method.span, offset)) return { kind: "method", span: request.method.span, call, request };
  }
  return undefined;
}
