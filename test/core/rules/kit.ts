// Shared assertions for the rule tests: a flow written with `[[…]]` markers
// must produce exactly those ranges for one code, its corrected twin none, and
// a rule's quick fix must make its diagnostic go away.

import assert from "node:assert/strict";
import { analyze } from "../../../server/src/core/analysis/document";
import type { Diagnostic, Fix, Severity, TextEdit } from "../../../server/src/core/types";
import type { RuleInputs } from "../../../server/src/core/rules/rule";
import { marked, showRanges } from "../../helpers/markers";

/** Every diagnostic of `text`; fails the test if a rule threw. */
export function diagnose(text: string, inputs?: RuleInputs): Diagnostic[] {
  const ruleErrors: string[] = [];
  const { diagnostics } = analyze(text, (code, error) => ruleErrors.push(`${code}: ${String(error)}`), inputs);
  assert.deepEqual(ruleErrors, [], "a rule threw");
  return diagnostics;
}

export function withCode(text: string, code: string, inputs?: RuleInputs): Diagnostic[] {
  return diagnose(text, inputs).filter((d) => d.code === code);
}

/**
 * `source` marks every range where `code` must be reported, and nowhere else.
 * Returns those diagnostics, in order, for further checks.
 */
export function expectRanges(source: string, code: string, severity: Severity, inputs?: RuleInputs): Diagnostic[] {
  const { text, ranges } = marked(source);
  assert.ok(ranges.length > 0, "the test text marks no range");
  const found = withCode(text, code, inputs);
  assert.equal(
    showRanges(text, found.map((d) => d.span)),
    showRanges(text, ranges),
    `${code} ranges differ (actual first, expected second); messages: ${found.map((d) => d.message).join(" | ")}`,
  );
  for (const d of found) {
    assert.equal(d.severity, severity, `${code} severity`);
    assertOneLine(d.message);
  }
  return found;
}

/** `text` has no diagnostic with `code`. */
export function expectNone(text: string, code: string, inputs?: RuleInputs): void {
  const found = withCode(text, code, inputs);
  assert.deepEqual(found.map((d) => `${showRanges(text, [d.span]).slice(Math.max(0, d.span.start - 20), d.span.end + 24)} ${d.message}`), [], `unexpected ${code}`);
}

/** `text` has no error or warning at all (hints allowed). */
export function expectClean(text: string): void {
  const found = diagnose(text).filter((d) => d.severity === "error" || d.severity === "warning");
  assert.deepEqual(found.map((d) => `${d.code}: ${d.message}`), [], "expected no errors or warnings");
}

export function assertOneLine(message: string): void {
  assert.ok(message.length > 0, "empty message");
  assert.ok(!/[\r\n]/.test(message), `message has a line break: ${JSON.stringify(message)}`);
}

/** Applies edits computed for `text` (non-overlapping, any order). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}

/**
 * Applies the fix titled `title` (or the preferred / first fix) of the only
 * `code` diagnostic in `text`, and returns the fixed text, checked to no
 * longer have that diagnostic.
 */
export function applyFix(text: string, code: string, title?: string | RegExp, inputs?: RuleInputs): { fixed: string; fix: Fix } {
  const found = withCode(text, code, inputs);
  assert.equal(found.length, 1, `expected one ${code} diagnostic, got ${found.length}`);
  const fixes = found[0].fixes ?? [];
  assert.ok(fixes.length > 0, `${code} offers no fix`);
  const fix = title === undefined
    ? fixes.find((f) => f.preferred) ?? fixes[0]
    : fixes.find((f) => (typeof title === "string" ? f.title === title : title.test(f.title)));
  assert.ok(fix, `no fix titled ${String(title)} among ${fixes.map((f) => f.title).join(", ")}`);
  const fixed = applyEdits(text, fix.edits);
  expectNone(fixed, code, inputs);
  return { fixed, fix };
}
