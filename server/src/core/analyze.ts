// Text → document + every diagnostic: the one place where the analysis of a
// file (analysis/) meets the rules that judge it (rules/). It lives above
// both so that analysis never imports the rules that read it.

import { buildDocument, type FlowDocument } from "./analysis/document";
import { runRules } from "./rules/index";
import type { RuleInputs } from "./rules/rule";
import type { FlowFile } from "./syntax/ast";
import type { LineIndex } from "./text/line-index";
import type { Diagnostic } from "./types";

export type RuleErrorListener = (code: string, error: unknown) => void;

export interface Analysis {
  document: FlowDocument;
  ast: FlowFile;
  /** every diagnostic: syntax and all rules, sorted by position */
  diagnostics: Diagnostic[];
  lines: LineIndex;
}

/** Every diagnostic of a document: its syntax errors and what each rule reports. */
export function checkDocument(document: FlowDocument, onRuleError?: RuleErrorListener, inputs?: RuleInputs): Diagnostic[] {
  return runRules(document, onRuleError, inputs);
}

/** Text (and what the shell knows besides, e.g. recorded samples) → document + every diagnostic. Never throws on any text. */
export function analyze(text: string, onRuleError?: RuleErrorListener, inputs?: RuleInputs): Analysis {
  const document = buildDocument(text);
  return { document, ast: document.ast, diagnostics: checkDocument(document, onRuleError, inputs), lines: document.lines };
}
