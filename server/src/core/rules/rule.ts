// The shape of a diagnostic rule: one code, one default severity, one check.
// A rule reports spans and messages; the runner stamps code and severity, so a
// rule cannot report under another rule's code.

import type { FlowDocument } from "../analysis/document";
import type { Diagnostic, Fix, Severity, Span } from "../types";
import type { StepSamples } from "../samples/step-sample";

export interface Report {
  span: Span;
  message: string;
  fixes?: Fix[];
  /** for codes whose severity depends on the case (body-not-allowed) */
  severity?: Severity;
  tags?: Diagnostic["tags"];
}

/**
 * What rules may know besides the text, handed in by the shell (the core reads
 * no files). Kept apart from FlowDocument: a document is built once per text
 * version, while a sample can be recorded without the text changing.
 */
export interface RuleInputs {
  /** the call steps' recorded samples (core/samples); absent: none known */
  samples?: StepSamples;
}

export interface RuleContext {
  doc: FlowDocument;
  samples: StepSamples;
  report(report: Report): void;
}

export interface Rule {
  code: string;
  severity: Severity;
  /** one line for the rule's documentation page */
  description: string;
  check(ctx: RuleContext): void;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
