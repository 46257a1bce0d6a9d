// `ask-type` (added by this project): `ask ... as TYPE` names an unknown type.

import { defineRule } from "./rule";
import { ASK_TYPES } from "../syntax/ast";

export default defineRule({
  code: "ask-type",
  severity: "error",
  description: "ask ... as TYPE with a type that is not text, email, number, phone, name, url or date.",
  check({ doc, report }) {
    for (const step of doc.symbols.allSteps) {
      if (step.kind !== "ask" || !step.type) continue;
      const written = step.type.name;
      if ((ASK_TYPES as readonly string[]).includes(written)) continue;
      const lower = written.toLowerCase();
      const fix = (ASK_TYPES as readonly string[]).includes(lower) ? lower : undefined;
      report({
        span: step.type.span,
        message: `${written} is not an answer type: use one of ${ASK_TYPES.join(", ")}`,
        fixes: fix ? [{ title: `Change to ${fix}`, edits: [{ span: step.type.span, newText: fix }], preferred: true }] : undefined,
      });
    }
  },
});
