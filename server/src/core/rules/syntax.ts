// `syntax`: text the parser could not read. The parser already found these;
// this rule only hands them on, so every code has one rule.

import { defineRule } from "./rule";

export default defineRule({
  code: "syntax",
  severity: "error",
  description: "The text does not parse; recovery continues, so later errors are still found.",
  check({ doc, report }) {
    for (const d of doc.syntaxDiagnostics) report({ span: d.span, message: d.message });
  },
});
