// `too-many-saves`: hosted builders keep at most eight saves per call step.

import { defineRule } from "./rule";
import { lineSpan } from "./fixes";
import { MAX_SAVES } from "../language";

export { MAX_SAVES };

export default defineRule({
  code: "too-many-saves",
  severity: "error",
  description: "A ninth (or later) save in one call step.",
  check({ doc, report }) {
    for (const step of doc.symbols.calls) {
      step.saves.slice(MAX_SAVES).forEach((save, i) => {
        report({
          span: save.span,
          message: `A call step can save at most ${MAX_SAVES} variables: this is save number ${MAX_SAVES + 1 + i}`,
          fixes: [{ title: "Remove this save", edits: [{ span: lineSpan(doc, save.span), newText: "" }] }],
        });
      });
    }
  },
});
