// `var-in-query-key`: a variable in a query string key; only values may vary.

import { defineRule } from "./rule";
import { placeOf } from "../analysis/url";

export default defineRule({
  code: "var-in-query-key",
  severity: "error",
  description: "A variable in a query string key.",
  check({ doc, report }) {
    for (const { request, parts } of doc.urls) {
      for (const ref of request.url!.vars) {
        if (placeOf(parts, ref) === "query-key") {
          report({ span: ref.span, message: "Variables can only be query values, not query keys: write the key out, as in ?key={{value}}" });
        }
      }
    }
  },
});
