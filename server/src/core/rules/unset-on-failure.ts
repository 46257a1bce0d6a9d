// `unset-on-failure`: a call's saves are never set on its own failure branch,
// so using one there shows an empty value.

import { defineRule } from "./rule";

export default defineRule({
  code: "unset-on-failure",
  severity: "warning",
  description: "A variable saved by a step, used in that step's failure branch.",
  check({ doc, report }) {
    for (const use of doc.flow.uses) {
      if (use.status.kind !== "unset-on-failure") continue;
      const step = use.status.call.name?.name ?? "this call";
      report({ span: use.ref.span, message: `{{${use.ref.name}}} is saved by ${step} only when the call succeeds: on failure it is empty` });
    }
  },
});
