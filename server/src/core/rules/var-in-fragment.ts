// `var-in-fragment`: a variable after `#`. The fragment never reaches the
// server, so a value there is silently lost.

import { defineRule } from "./rule";

export default defineRule({
  code: "var-in-fragment",
  severity: "error",
  description: "A variable after # in an endpoint.",
  check({ doc, report }) {
    for (const endpoint of doc.urls) {
      for (const { ref, place } of endpoint.vars) {
        if (place === "fragment") {
          report({ span: ref.span, message: "Variables after # are never sent to the server: pass the value as a query value instead" });
        }
      }
    }
  },
});
