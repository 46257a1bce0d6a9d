// `url-scheme`: endpoints must be https://.

import { defineRule } from "./rule";
import { textOf } from "../analysis/url";

export default defineRule({
  code: "url-scheme",
  severity: "error",
  description: "The endpoint does not start with https://.",
  check({ doc, report }) {
    for (const { parts } of doc.urls) {
      if (!parts.scheme) continue;
      const scheme = textOf(doc.text, parts.scheme);
      if (scheme.includes("{{") || scheme.toLowerCase() === "https") continue;
      report({
        span: parts.scheme,
        message: `Endpoints must use https://, not ${scheme}://`,
        fixes: scheme.toLowerCase() === "http" ? [{ title: "Use https://", edits: [{ span: parts.scheme, newText: "https" }], preferred: true }] : undefined,
      });
    }
  },
});
