// `unreachable`: steps no path reaches — after handoff, end or goto in the
// same block, or after a step whose every branch ends. A step that a goto
// reaches is not unreachable.

import { defineRule } from "./rule";

export default defineRule({
  code: "unreachable",
  severity: "warning",
  description: "Steps after handoff, end or goto in the same block.",
  check({ doc, report }) {
    for (const run of doc.flow.unreachable) {
      report({
        span: { start: run[0].span.start, end: run[run.length - 1].span.end },
        message: run.length === 1 ? "This step is never reached: the conversation has ended or moved on before it" : `These ${run.length} steps are never reached: the conversation has ended or moved on before them`,
        tags: ["unnecessary"],
      });
    }
  },
});
