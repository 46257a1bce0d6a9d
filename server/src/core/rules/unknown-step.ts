// `unknown-step`: goto must name a call or menu step of this file.

import { defineRule } from "./rule";

export default defineRule({
  code: "unknown-step",
  severity: "error",
  description: "goto names no call or menu step.",
  check({ doc, report }) {
    const names = [...doc.symbols.steps.keys()];
    for (const step of doc.symbols.allSteps) {
      if (step.kind !== "goto" || !step.target || doc.symbols.steps.has(step.target.name)) continue;
      const near = names.find((n) => loose(n) === loose(step.target!.name));
      report({
        span: step.target.span,
        message: `No call or menu step is named ${step.target.name}${near ? `; did you mean ${near}?` : ""}`,
        fixes: near ? [{ title: `Change to ${near}`, edits: [{ span: step.target.span, newText: near }], preferred: true }] : undefined,
      });
    }
  },
});

/** `Main-Menu` and `main_menu` are the same name to a reader. */
function loose(name: string): string {
  return name.toLowerCase().replace(/-/g, "_");
}
