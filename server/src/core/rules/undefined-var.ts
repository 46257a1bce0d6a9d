// `undefined-var`: a variable used where some path reaches the use without
// setting it (or one that is never defined, or an unknown system variable).

import { defineRule } from "./rule";
import { SYSTEM_VARIABLES } from "../analysis/system-variables";

export default defineRule({
  code: "undefined-var",
  severity: "error",
  description: "A variable used where it is not defined on every path.",
  check({ doc, report }) {
    for (const use of doc.flow.uses) {
      const name = use.ref.name;
      if (use.status.kind === "unknown-system") {
        const known = SYSTEM_VARIABLES.map((v) => v.name).join(", ");
        report({ span: use.ref.span, message: `{{${name}}} is not a system variable; they are ${known}` });
      } else if (use.status.kind === "undefined") {
        const defined = doc.symbols.variables.get(name);
        const message = !name
          ? "This {{ }} names no variable"
          : !defined
            ? `{{${name}}} is not defined: set it with ask or save first`
            : defined.every((d) => d.id.span.start > use.ref.span.start)
              ? `{{${name}}} is used before the step that sets it: ask or save it earlier`
              : `{{${name}}} may not be set here: not every path to this step goes through the step that sets it`;
        report({ span: use.ref.span, message });
      }
    }
  },
});
