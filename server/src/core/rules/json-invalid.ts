// `json-invalid`: a body that is not JSON once variables are put in. Points
// at the first bad character.

import { defineRule } from "./rule";
import { checkJsonBody } from "../analysis/json-body";

export default defineRule({
  code: "json-invalid",
  severity: "error",
  description: "The body is not valid JSON.",
  check({ doc, report }) {
    for (const step of doc.symbols.calls) {
      for (const body of step.bodies) {
        if (!body.json) {
          report({ span: body.keywordSpan, message: "body needs a JSON value, such as { \"id\": \"{{order_number}}\" }" });
          continue;
        }
        const problem = checkJsonBody(body.json.text, body.json.span.start);
        if (problem) report(problem);
      }
    }
  },
});
