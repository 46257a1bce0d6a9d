// The outline: the flow, its connections and steps, and inside calls and
// menus their branches and options with their steps. Names are never empty
// (editors reject empty symbol names), and a selection span always lies
// inside its symbol's span.

import type { FlowDocument } from "../analysis/document";
import type { Step, StringLiteral } from "../syntax/ast";
import type { Span } from "../types";

export type OutlineKind = "flow" | "connection" | "call" | "menu" | "option" | "branch" | "ask" | "say" | "goto" | "handoff" | "end";

export interface OutlineSymbol {
  name: string;
  detail?: string;
  kind: OutlineKind;
  span: Span;
  selectionSpan: Span;
  children: OutlineSymbol[];
}

export function documentSymbols(doc: FlowDocument): OutlineSymbol[] {
  const items: OutlineSymbol[] = [];
  for (const c of doc.ast.connections) {
    items.push(symbol(c.name?.name ?? "(connection)", "connection", c.span, c.name?.span, c.auth.map((a) => a.kind).join(", ") || undefined));
  }
  for (const step of doc.ast.steps) items.push(stepSymbol(step, doc.text));
  items.sort((a, b) => a.span.start - b.span.start);
  const title = doc.ast.titles[0];
  if (!title) return items;
  const whole = { start: Math.min(title.span.start, items[0]?.span.start ?? title.span.start), end: Math.max(title.span.end, items.at(-1)?.span.end ?? title.span.end) };
  return [{ ...symbol(title.name?.value || "flow", "flow", whole, title.span, "flow"), children: items }];
}

function stepSymbol(step: Step, text: string): OutlineSymbol {
  switch (step.kind) {
    case "call": {
      const request = step.requests[0];
      const s = symbol(step.name?.name ?? "(call)", "call", step.span, step.name?.span ?? step.keywordSpan, request ? `${request.method.value} ${request.url?.raw ?? ""}`.trim() : step.displayName?.value);
      for (const branch of [step.onSuccess, step.onFailure]) {
        if (!branch) continue;
        s.children.push({ ...symbol(`on ${branch.outcome}`, "branch", branch.span, { start: branch.span.start, end: branch.span.start + 2 }), children: branch.steps.map((x) => stepSymbol(x, text)) });
      }
      return s;
    }
    case "menu": {
      const s = symbol(step.name?.name ?? "(menu)", "menu", step.span, step.name?.span ?? step.keywordSpan, step.question?.value);
      for (const option of step.options) {
        s.children.push({ ...symbol(label(option.label, "(option)"), "option", option.span, option.label?.span ?? { start: option.span.start, end: option.span.start + 6 }), children: option.steps.map((x) => stepSymbol(x, text)) });
      }
      return s;
    }
    case "ask": return symbol(`ask ${step.variable?.name ?? ""}`.trim(), "ask", step.span, step.variable?.span ?? step.keywordSpan, step.prompt?.value);
    case "say": return symbol(`say ${label(step.text, "")}`.trim(), "say", step.span, step.keywordSpan);
    case "goto": return symbol(`goto ${step.target?.name ?? ""}`.trim(), "goto", step.span, step.target?.span ?? step.keywordSpan);
    case "handoff": return symbol("handoff", "handoff", step.span, step.keywordSpan, step.message?.value);
    case "end": return symbol("end", "end", step.span, step.keywordSpan);
  }
}

function symbol(name: string, kind: OutlineKind, span: Span, selection: Span | undefined, detail?: string): OutlineSymbol {
  const sel = selection && selection.start >= span.start && selection.end <= span.end ? selection : { start: span.start, end: span.start };
  return { name: name || `(${kind})`, kind, span, selectionSpan: sel, children: [], ...(detail ? { detail } : {}) };
}

function label(s: StringLiteral | undefined, fallback: string): string {
  if (!s) return fallback;
  const flat = s.value.replace(/\s+/g, " ");
  return `"${flat.length > 40 ? `${flat.slice(0, 40)}…` : flat}"`;
}
