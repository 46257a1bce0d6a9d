// `var-in-domain`: a variable in the scheme, user info, host or port. Hosted
// builders refuse these at run time; a value there could also send the
// customer's data, and any credentials, to another server.

import { defineRule } from "./rule";

const PLACE_WORDS = { scheme: "the scheme", userinfo: "the user info", host: "the domain", port: "the port" } as const;

export default defineRule({
  code: "var-in-domain",
  severity: "error",
  description: "A variable in the scheme, user info, host (domain or subdomain) or port of an endpoint.",
  check({ doc, report }) {
    for (const endpoint of doc.urls) {
      for (const { ref, place } of endpoint.vars) {
        if (place === "scheme" || place === "userinfo" || place === "host" || place === "port") {
          report({ span: ref.span, message: `Variables cannot be used in ${PLACE_WORDS[place]} of an endpoint: write ${PLACE_WORDS[place]} out in full` });
        }
      }
    }
  },
});
