import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { RULES } from "../../../server/src/core/rules/index";
import { ruleDocsMarkdown, ruleDocUrl } from "../../../server/src/core/features/rule-docs";

describe("features: rule docs", () => {
  it("docs/rules.md is up to date (regenerate: npx tsx scripts/gen-rule-docs.ts)", () => {
    const page = readFileSync(new URL("../../../docs/rules.md", import.meta.url), "utf8");
    assert.equal(page, ruleDocsMarkdown());
  });

  it("has one section per rule code, which each diagnostic links to", () => {
    const page = ruleDocsMarkdown();
    for (const rule of RULES) {
      assert.equal(page.split("\n").filter((l) => l === `## ${rule.code}`).length, 1, rule.code);
      assert.ok(page.includes(rule.description));
      assert.equal(ruleDocUrl(rule.code), `https://github.com/botflow/botflow/blob/main/docs/rules.md#${rule.code}`);
    }
  });
});
