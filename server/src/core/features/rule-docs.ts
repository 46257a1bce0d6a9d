// The rule reference page (docs/rules.md), generated from the rules
// themselves, and the stable link each diagnostic carries to its section.
// A test keeps the checked-in page equal to what this renders.

import { RULES } from "../rules/index";
import type { Rule } from "../rules/rule";

export const RULE_DOCS_URL = "https://github.com/botflow/botflow/blob/main/docs/rules.md";

/** The page anchor of a code: GitHub derives it from the `## code` heading. */
export function ruleDocUrl(code: string): string {
  return `${RULE_DOCS_URL}#${code}`;
}

export function ruleDocsMarkdown(rules: readonly Rule[] = RULES): string {
  const lines = [
    "# Diagnostic rules",
    "",
    "<!-- Generated from server/src/core/rules by `npx tsx scripts/gen-rule-docs.ts`; do not edit by hand. -->",
    "",
    "Every diagnostic Bot Flow reports (in the editor and from `botflow check`) carries one of these codes.",
    "Editors link each diagnostic to its section here.",
    "",
    "| code | severity | when |",
    "| --- | --- | --- |",
    ...rules.map((r) => `| [\`${r.code}\`](#${r.code}) | ${severityText(r)} | ${r.description} |`),
    "",
  ];
  for (const rule of rules) lines.push(`## ${rule.code}`, "", `Severity: ${severityText(rule)}.`, "", rule.description, "");
  return lines.join("\n");
}

function severityText(rule: Rule): string {
  return rule.severity;
}
