// `header-name`: a header name must be an HTTP token and cannot vary.

import { defineRule } from "./rule";
import { HTTP_TOKEN } from "../language";

export default defineRule({
  code: "header-name",
  severity: "error",
  description: "A header name that is not an HTTP token, or holds a variable.",
  check({ doc, report }) {
    for (const step of doc.symbols.calls) {
      for (const header of step.headers) {
        const name = header.name;
        if (!name) continue;
        if (name.vars.length) {
          for (const ref of name.vars) report({ span: ref.span, message: "Header names cannot hold variables: only the value can vary" });
        } else if (!HTTP_TOKEN.test(name.value)) {
          const bad = name.value ? [...name.value].find((c) => !HTTP_TOKEN.test(c)) : undefined;
          report({
            span: name.span,
            message: name.value ? `${JSON.stringify(name.value)} is not a valid header name: ${bad === " " ? "it has a space" : `${JSON.stringify(bad)} is not allowed`}` : "The header name is empty",
          });
        }
      }
    }
  },
});
