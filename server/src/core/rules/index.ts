// Every rule, and the runner that applies them to a document. A meta-test
// checks this list against the spec's code table and the rule tests.

import type { FlowDocument } from "../analysis/document";
import type { Diagnostic } from "../types";
import type { Rule, RuleInputs } from "./rule";
import { NO_SAMPLES } from "../samples/step-sample";
import syntax from "./syntax";
import urlScheme from "./url-scheme";
import urlInvalid from "./url-invalid";
import varInDomain from "./var-in-domain";
import varInQueryKey from "./var-in-query-key";
import varInFragment from "./var-in-fragment";
import periodInPathVar from "./period-in-path-var";
import varName from "./var-name";
import tooManySaves from "./too-many-saves";
import duplicateSave from "./duplicate-save";
import undefinedVar from "./undefined-var";
import unsetOnFailure from "./unset-on-failure";
import bodyNotAllowed from "./body-not-allowed";
import jsonInvalid from "./json-invalid";
import unknownConnection from "./unknown-connection";
import unknownStep from "./unknown-step";
import duplicateStep from "./duplicate-step";
import headerName from "./header-name";
import duplicateRequest from "./duplicate-request";
import unusedVar from "./unused-var";
import unreachable from "./unreachable";
import connectionDomain from "./connection-domain";
import secretInHeader from "./secret-in-header";
import askType from "./ask-type";
import savePathMissing from "./save-path-missing";
import sampleInvalid from "./sample-invalid";

export const RULES: readonly Rule[] = [
  syntax, urlScheme, urlInvalid, varInDomain, varInQueryKey, varInFragment, periodInPathVar, varName,
  tooManySaves, duplicateSave, undefinedVar, unsetOnFailure, bodyNotAllowed, jsonInvalid, unknownConnection,
  unknownStep, duplicateStep, headerName, duplicateRequest, unusedVar, unreachable, connectionDomain,
  secretInHeader, askType, savePathMissing, sampleInvalid,
];

/** Runs every rule; a rule that throws loses only its own diagnostics, reported through `onRuleError`. */
export function runRules(doc: FlowDocument, onRuleError?: (code: string, error: unknown) => void, inputs: RuleInputs = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  const samples = inputs.samples ?? NO_SAMPLES;
  for (const rule of RULES) {
    try {
      rule.check({
        doc,
        samples,
        report: (r) => out.push({ code: rule.code, severity: r.severity ?? rule.severity, message: r.message, span: r.span, ...(r.fixes ? { fixes: r.fixes } : {}), ...(r.tags ? { tags: r.tags } : {}) }),
      });
    } catch (error) {
      onRuleError?.(rule.code, error);
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}
