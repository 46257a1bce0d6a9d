// Code lenses: "Run test call" above every named call step, with the last
// result once the step has been run (`Run test call · 200 OK · 143 ms`).

import type { FlowDocument } from "../analysis/document";
import type { Span } from "../types";
import { summaryTitle, type TestResultLookup } from "./test-call-summary";

export interface TestCallLens {
  span: Span;
  title: string;
  step: string;
}

export function testCallLenses(doc: FlowDocument, lastTestResult?: TestResultLookup): TestCallLens[] {
  const out: TestCallLens[] = [];
  for (const step of doc.symbols.allSteps) {
    if (step.kind !== "call" || !step.name) continue;
    const result = lastTestResult?.(step.name.name);
    out.push({
      span: { start: step.keywordSpan.start, end: step.name.span.end },
      title: result ? `Run test call · ${summaryTitle(result)}` : "Run test call",
      step: step.name.name,
    });
  }
  return out;
}
