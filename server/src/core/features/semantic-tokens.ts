// Semantic tokens: what TextMate cannot know. Variables inside strings, URLs,
// headers and bodies (system ones marked read-only and built in), variable
// definitions, step names and connection names. Sorted, non-overlapping and
// single-line, as the protocol requires.

import type { FlowDocument } from "../analysis/document";
import { isSystemName } from "../analysis/system-variables";
import { ownVarUses } from "../analysis/walk";
import type { Span } from "../types";

export const SEMANTIC_TOKEN_TYPES = ["variable", "function", "namespace"] as const;
export const SEMANTIC_TOKEN_MODIFIERS = ["declaration", "readonly", "defaultLibrary"] as const;

export type SemanticTokenType = (typeof SEMANTIC_TOKEN_TYPES)[number];
export type SemanticTokenModifier = (typeof SEMANTIC_TOKEN_MODIFIERS)[number];

export interface SemanticToken {
  span: Span;
  type: SemanticTokenType;
  modifiers: SemanticTokenModifier[];
}

export function semanticTokens(doc: FlowDocument): SemanticToken[] {
  const out: SemanticToken[] = [];
  const add = (span: Span | undefined, type: SemanticTokenType, ...modifiers: SemanticTokenModifier[]) => {
    if (span && span.end > span.start) out.push({ span, type, modifiers });
  };
  for (const c of doc.ast.connections) add(c.name?.span, "namespace", "declaration");
  for (const step of doc.symbols.allSteps) {
    for (const { ref } of ownVarUses(step)) {
      if (isSystemName(ref.name)) add(ref.nameSpan, "variable", "readonly", "defaultLibrary");
      else add(ref.nameSpan, "variable");
    }
    switch (step.kind) {
      case "ask": add(step.variable?.span, "variable", "declaration"); break;
      case "goto": add(step.target?.span, "function"); break;
      case "menu": add(step.name?.span, "function", "declaration"); break;
      case "call":
        add(step.name?.span, "function", "declaration");
        for (const s of step.saves) add(s.variable?.span, "variable", "declaration");
        for (const t of step.tests) add(t.variable?.span, "variable");
        for (const c of step.connections) add(c.name?.span, "namespace");
        break;
    }
  }
  out.sort((a, b) => a.span.start - b.span.start);
  const clean: SemanticToken[] = [];
  let end = -1;
  for (const t of out) {
    if (t.span.start < end || /[\r\n]/.test(doc.text.slice(t.span.start, t.span.end))) continue;
    clean.push(t);
    end = t.span.end;
  }
  return clean;
}
