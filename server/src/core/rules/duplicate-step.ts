// `duplicate-step`: step names are unique, or goto could not tell them apart.

import { defineRule } from "./rule";

export default defineRule({
  code: "duplicate-step",
  severity: "error",
  description: "Two call or menu steps share a name.",
  check({ doc, report }) {
    for (const [name, steps] of doc.symbols.steps) {
      for (const step of steps.slice(1)) {
        report({ span: step.name!.span, message: `Another step is already named ${name}: step names must be unique` });
      }
    }
  },
});
