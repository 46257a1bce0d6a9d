// `json-invalid`: a body (or an `example`) that is not JSON once variables are
// put in. Points at the first bad character, or at the bracket never closed.

import { defineRule } from "./rule";
import { checkJsonBody } from "../analysis/json-body";
import type { JsonValueText } from "../syntax/ast";
import type { FlowDocument } from "../analysis/document";

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
        const problem = judge(doc, body.json, "body");
        if (problem) report(problem);
      }
      for (const example of step.examples) {
        if (!example.json) {
          report({ span: example.keywordSpan, message: "example needs a JSON value: a sample of the response, such as { \"id\": 1 }" });
          continue;
        }
        const problem = judge(doc, example.json, "example");
        if (problem) report(problem);
      }
    }
  },
});

function judge(doc: FlowDocument, json: JsonValueText, what: "body" | "example") {
  const problem = checkJsonBody(json.text, json.span.start);
  if (!problem) return undefined;
  let message = what === "body" ? problem.message : problem.message.replace(/^The body/, "The example");
  // A bracket never closed: say on which line it opened, since the value may run far past it.
  if (problem.unclosed) message = message.replace(/: this (.) is never closed/, (_, b: string) => `: the ${b} on line ${doc.lines.positionAt(problem.span.start).line + 1} is never closed`);
  return { span: problem.span, message };
}
