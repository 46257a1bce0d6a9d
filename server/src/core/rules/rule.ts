// The shape of a diagnostic rule: one code, one default severity, one check.
// A rule reports spans and messages; the runner stamps code and severity, so a
// rule cannot report under another rule's code.

import type { FlowDocument } from "../analysis/document";
import type { Diagnostic, Fix, Severity, Span } from "../types";

export interface Report {
  span: Span;
  message: string;
  fixes?: Fix[];
  /** for codes whose severity depends on the case (body-not-allowed) */
  severity?: Severity;
  tags?: Diagnostic["tags"];
}

export interface RuleContext {
  doc: FlowDocument;
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
