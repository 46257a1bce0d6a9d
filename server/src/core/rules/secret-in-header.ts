// `secret-in-header`: a credential written into the file as a header. It
// belongs in a connection, whose secret lives outside the file.

import { defineRule } from "./rule";
import { CREDENTIAL_HEADERS } from "../language";

export default defineRule({
  code: "secret-in-header",
  severity: "warning",
  description: "A literal credential header instead of a connection.",
  check({ doc, report }) {
    for (const step of doc.symbols.calls) {
      for (const header of step.headers) {
        if (!header.name || !CREDENTIAL_HEADERS.has(header.name.value.toLowerCase())) continue;
        report({
          span: header.span,
          message: `The ${header.name.value} header puts a credential in this file: declare a connection with its secret in env or secret storage, and use it here`,
        });
      }
    }
  },
});
