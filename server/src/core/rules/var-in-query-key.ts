// `var-in-query-key`: a variable in a query string key; only values may vary.

import { defineRule } from "./rule";

export default defineRule({
  code: "var-in-query-key",
  severity: "error",
  description: "A variable in a query string key.",
  check({ doc, report }) {
    for (const endpoint of doc.urls) {
      for (const { ref, place } of endpoint.vars) {
        if (place === "query-key") {
          report({ span: ref.span, message: "Variables can only be query values, not query keys: write the key out, as in ?key={{value}}" });
        }
      }
    }
  },
});
