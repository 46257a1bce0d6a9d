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
        if (space) {
          const at = { start: url.span.start + space.index, end: url.span.start + space.index + 1 };
          // `GET https://… # note`: the comment is part of the URL on a request line.
          const comment = /^\s+#/.test(url.raw.slice(space.index));
          if (comment) return { message: "A # on a request line belongs to the URL: put the comment on a line of its own", span: { start: at.start, end: url.span.end } };
          return { message: "URLs cannot contain spaces: encode them as %20", span: at };
        }
        const port = textOf(doc.text, parts.port);
        // An empty port (`host:/`) is valid and means the default one.
        if (port && !port.includes("{{") && !(/^\d{1,5}$/.test(port) && Number(port) >= 1 && Number(port) <= 65535)) {
          return { message: `${JSON.stringify(port)} is not a port number (1-65535)`, span: parts.port };
        }
        // "1" fits every place a variable can stand, the port included (that one is var-in-domain's to report).
        const concrete = url.raw.replace(/\{\{[^{}\n]*\}\}/g, "1");
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
