// Code lenses: "Run test call" above every named call step, with the last
// result once the step has been run (`Run test call · 200 OK · 143 ms`), or
// its recorded sample's (`Run test call · 200 OK · recorded 2 days ago`).

import type { FlowDocument } from "../analysis/document";
import type { Span } from "../types";
import { summaryTitle, type TestResultLookup } from "./test-call-summary";
import { lensSampleTitle, type SampleViewOptions } from "./sample-view";

export interface TestCallLens {
  span: Span;
  title: string;
  step: string;
}

export function testCallLenses(doc: FlowDocument, lastTestResult?: TestResultLookup, samples: SampleViewOptions = {}): TestCallLens[] {
  const out: TestCallLens[] = [];
  for (const step of doc.symbols.allSteps) {
    if (step.kind !== "call" || !step.name) continue;
    const result = lastTestResult?.(step.name.name);
    out.push({
      span: { start: step.keywordSpan.start, end: step.name.span.end },
      title: lensTitle(result ? summaryTitle(result) : lensSampleTitle(step.name.name, samples)),
      step: step.name.name,
    });
  }
  return out;
}

function lensTitle(detail: string | undefined): string {
  return detail ? `Run test call · ${detail}` : "Run test call";
}
