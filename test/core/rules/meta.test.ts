// Keeps the rule list complete: every code of the spec's table has exactly
// one rule with the spec's severity, no two rules share a code, and every
// rule has a test file named after its code. The table is read from the spec
// when it is on this machine, else from the copy below (keep it in step).

import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { RULES } from "../../../server/src/core/rules/index";

const SPEC = "/work/shared/spec/flow-language.md";
const HERE = dirname(fileURLToPath(import.meta.url));

/** code → allowed severities, as in the spec's "Diagnostic codes" table. */
const TABLE_COPY: Record<string, string[]> = {
  "syntax": ["error"],
  "url-scheme": ["error"],
  "url-invalid": ["error"],
  "var-in-domain": ["error"],
  "var-in-query-key": ["error"],
  "var-in-fragment": ["error"],
  "period-in-path-var": ["error"],
  "var-name": ["error"],
  "too-many-saves": ["error"],
  "duplicate-save": ["error"],
  "undefined-var": ["error"],
  "unset-on-failure": ["warning"],
  "body-not-allowed": ["error", "warning"],
  "json-invalid": ["error"],
  "unknown-connection": ["error"],
  "unknown-step": ["error"],
  "duplicate-step": ["error"],
  "header-name": ["error"],
  "duplicate-request": ["error"],
  "unused-var": ["hint"],
  "unreachable": ["warning"],
  "connection-domain": ["error"],
  "secret-in-header": ["warning"],
};

/** Codes this project added to the spec's table. */
const PROJECT_CODES: Record<string, string[]> = { "ask-type": ["error"], "save-path-missing": ["warning"], "sample-invalid": ["warning"] };

export function parseCodeTable(markdown: string): Record<string, string[]> {
  const section = markdown.split(/^## /m).find((s) => s.startsWith("Diagnostic codes"));
  if (!section) throw new Error("the spec has no \"Diagnostic codes\" section");
  const table: Record<string, string[]> = {};
  for (const line of section.split("\n")) {
    const m = /^\|\s*`([a-z-]+)`\s*\|\s*([^|]+?)\s*\|/.exec(line);
    if (m) table[m[1]] = m[2].split("/").map((s) => s.trim());
  }
  return table;
}

function specTable(): { table: Record<string, string[]>; source: string } {
  if (existsSync(SPEC)) return { table: parseCodeTable(readFileSync(SPEC, "utf8")), source: SPEC };
  return { table: TABLE_COPY, source: "the copy in meta.test.ts" };
}

describe("rules meta", () => {
  const { table, source } = specTable();
  const expected = { ...table, ...PROJECT_CODES };

  it(`reads the spec's code table (${source})`, () => {
    assert.ok(Object.keys(table).length >= 20, `only ${Object.keys(table).length} codes found`);
    assert.deepEqual(table, { ...TABLE_COPY, ...pick(table, Object.keys(table).filter((c) => !(c in TABLE_COPY))) },
      "the hard-coded copy differs from the spec: update TABLE_COPY");
  });

  it("has exactly one rule for every code of the table", () => {
    for (const code of Object.keys(expected)) {
      const rules = RULES.filter((r) => r.code === code);
      assert.equal(rules.length, 1, `${code}: ${rules.length} rules`);
    }
  });

  it("has no two rules with one code, and no rule outside the table", () => {
    const codes = RULES.map((r) => r.code);
    assert.deepEqual(codes.filter((c, i) => codes.indexOf(c) !== i), [], "codes used twice");
    assert.deepEqual(codes.filter((c) => !(c in expected)), [], "rules for codes the spec does not list (add them to PROJECT_CODES)");
  });

  it("gives every rule a severity the spec allows for its code", () => {
    for (const rule of RULES) {
      assert.ok(expected[rule.code]?.includes(rule.severity), `${rule.code}: ${rule.severity} is not ${expected[rule.code]?.join(" or ")}`);
    }
  });

  it("has a test file named after every rule's code", () => {
    for (const rule of RULES) {
      assert.ok(existsSync(join(HERE, `${rule.code}.test.ts`)), `missing test/core/rules/${rule.code}.test.ts`);
    }
  });

  it("describes every rule in one line", () => {
    for (const rule of RULES) assert.ok(rule.description && !/\n/.test(rule.description), rule.code);
  });
});

function pick(table: Record<string, string[]>, keys: string[]): Record<string, string[]> {
  return Object.fromEntries(keys.map((k) => [k, table[k]]));
}
