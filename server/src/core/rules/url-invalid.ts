// `url-invalid`: the endpoint is not a URL at all (no scheme, no host, a bad
// port, spaces). Judged by the WHATWG parser on a copy with every variable
// replaced by a harmless value, so only the literal text is blamed.

import { defineRule } from "./rule";
import { textOf } from "../analysis/url";

export default defineRule({
  code: "url-invalid",
  severity: "error",
  description: "The endpoint is not a valid URL.",
  check({ doc, report }) {
    for (const { request, parts } of doc.urls) {
      const url = request.url!;
      const problem = findProblem();
      if (problem) report({ span: problem.span ?? url.span, message: problem.message });

      function findProblem(): { message: string; span?: typeof url.span } | undefined {
        if (!parts.scheme) return { message: "This is not a full URL: write it as https://host/path" };
        const host = textOf(doc.text, parts.host);
        if (!host) return { message: "The URL has no host: write it as https://host/path", span: parts.scheme };
        const space = /\s/.exec(url.raw.replace(/\{\{[^{}\n]*\}\}/g, (m) => "x".repeat(m.length)));
        if (space) return { message: "URLs cannot contain spaces: encode them as %20", span: { start: url.span.start + space.index, end: url.span.start + space.index + 1 } };
        const port = textOf(doc.text, parts.port);
        if (parts.port && !port.includes("{{") && !/^\d{1,5}$/.test(port) || (/^\d+$/.test(port) && Number(port) > 65535)) {
          return { message: `${JSON.stringify(port)} is not a port number (1-65535)`, span: parts.port };
        }
        const concrete = url.raw.replace(/\{\{[^{}\n]*\}\}/g, (m) => "x".repeat(m.length));
        try {
          new URL(concrete.replace(/^[^:]*:/, "https:"));
        } catch {
          return { message: "This is not a valid URL" };
        }
        return undefined;
      }
    }
  },
});
