// `duplicate-save`: one call step saving the same variable twice.

import { defineRule } from "./rule";
import { lineSpan } from "./fixes";

export default defineRule({
  code: "duplicate-save",
  severity: "error",
  description: "The same variable saved twice in one call step.",
  check({ doc, report }) {
    for (const step of doc.symbols.calls) {
      if (step.saves.length < 2) continue;
      const seen = new Set<string>();
      for (const save of step.saves) {
        const name = save.variable?.name;
        if (name === undefined) continue;
        if (seen.has(name)) {
          report({
            span: save.variable!.span,
            message: `${name} is already saved by this step`,
            fixes: [{ title: "Remove this save", edits: [{ span: lineSpan(doc, save.span), newText: "" }] }],
          });
        }
        seen.add(name);
      }
    }
  },
});
