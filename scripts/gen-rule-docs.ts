// Writes docs/rules.md from the rules (code, severity, description), the page
// every diagnostic links to. Run after adding or changing a rule:
//   npx tsx scripts/gen-rule-docs.ts
// test/lsp/rule-docs.test.ts fails while the page is out of date.

import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ruleDocsMarkdown } from "../server/src/core/features/rule-docs";

const target = fileURLToPath(new URL("../docs/rules.md", import.meta.url));
writeFileSync(target, ruleDocsMarkdown());
console.log(`wrote ${target}`);
