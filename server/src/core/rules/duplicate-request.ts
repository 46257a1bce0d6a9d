// `duplicate-request`: a call step has exactly one request line.

import { defineRule } from "./rule";
import { lineSpan } from "./fixes";

export default defineRule({
  code: "duplicate-request",
  severity: "error",
  description: "Zero or several request lines in one call step.",
  check({ doc, report }) {
    for (const step of doc.symbols.calls) {
      if (step.requests.length === 0) {
        report({ span: step.name?.span ?? step.keywordSpan, message: "This call step has no request line: add one such as GET https://example.com/orders/{{order_number}}" });
      }
      for (const extra of step.requests.slice(1)) {
        report({
          span: extra.span,
          message: "A call step makes one request: this is a second request line",
          fixes: [{ title: "Remove this request line", edits: [{ span: lineSpan(doc, extra.span), newText: "" }] }],
        });
      }
    }
  },
});
