// `unknown-connection`: a call names a connection not declared above it. The
// fix declares a stub above the first step, reading its token from the environment.

import { defineRule } from "./rule";
import type { FlowDocument } from "../analysis/document";
import type { Fix } from "../types";

export default defineRule({
  code: "unknown-connection",
  severity: "error",
  description: "A call uses a connection not declared above it.",
  check({ doc, report }) {
    for (const step of doc.symbols.calls) {
      for (const use of step.connections) {
        if (!use.name) continue;
        const declared = doc.symbols.connections.get(use.name.name) ?? [];
        if (declared.some((c) => c.span.start < use.span.start)) continue;
        if (declared.length) {
          report({ span: use.name.span, message: `Connection ${use.name.name} is declared below this step: move its declaration above the first call that uses it` });
        } else {
          report({ span: use.name.span, message: `No connection named ${use.name.name} is declared`, fixes: [declareStub(doc, use.name.name)] });
        }
      }
    }
  },
});

function declareStub(doc: FlowDocument, name: string): Fix {
  const first = doc.ast.steps[0];
  const lastConnection = doc.ast.connections.filter((c) => !first || c.span.end <= first.span.start).at(-1);
  const at = lastConnection ? lastConnection.span.end : first ? first.span.start : doc.text.length;
  const env = `${name.toUpperCase().replace(/[^A-Z0-9]+/g, "_")}_TOKEN`;
  const stub = `connection ${name} {\n  bearer env ${env}\n}\n`;
  return { title: `Declare connection ${name}`, edits: [{ span: { start: at, end: at }, newText: lastConnection ? `\n${stub}` : `${stub}\n` }], preferred: true };
}
