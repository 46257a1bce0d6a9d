// `unused-var`: a variable asked or saved and never used (a hint: the author
// may be collecting it for a later step not yet written).

import { defineRule } from "./rule";

export default defineRule({
  code: "unused-var",
  severity: "hint",
  description: "A saved or asked variable never used.",
  check({ doc, report }) {
    for (const [name, defs] of doc.symbols.variables) {
      if (doc.flow.isUsed(name)) continue;
      for (const def of defs) {
        report({ span: def.id.span, message: `${name} is ${def.kind === "ask" ? "asked for" : "saved"} but never used`, tags: ["unnecessary"] });
      }
    }
  },
});
