// `body-not-allowed`: GET requests carry no body (error); DELETE bodies are
// dropped by many servers (warning). The fix switches the method to POST.

import { defineRule } from "./rule";

export default defineRule({
  code: "body-not-allowed",
  severity: "error",
  description: "A body on a GET (error) or DELETE (warning) request.",
  check({ doc, report }) {
    for (const step of doc.symbols.calls) {
      if (step.requests.length !== 1 || !step.bodies.length) continue;
      const method = step.requests[0].method;
      if (method.value !== "GET" && method.value !== "DELETE") continue;
      for (const body of step.bodies) {
        report({
          span: body.keywordSpan,
          severity: method.value === "GET" ? "error" : "warning",
          message: method.value === "GET"
            ? "GET requests cannot have a body: use POST or PUT"
            : "Many servers ignore the body of a DELETE request: use POST or PUT if the body matters",
          fixes: [
            { title: `Change ${method.value} to POST`, edits: [{ span: method.span, newText: "POST" }], preferred: method.value === "GET" },
            { title: `Change ${method.value} to PUT`, edits: [{ span: method.span, newText: "PUT" }] },
          ],
        });
      }
    }
  },
});
