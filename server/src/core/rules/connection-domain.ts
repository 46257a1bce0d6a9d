// `connection-domain`: a call sends a connection's credentials to a host
// outside the connection's `domain`.

import { defineRule } from "./rule";
import { textOf } from "../analysis/url";

/** `pattern` is a host, or `*.example.com` for its subdomains. */
export function hostMatches(host: string, pattern: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, "");
  const p = pattern.toLowerCase().replace(/\.$/, "");
  return p.startsWith("*.") ? h.endsWith(p.slice(1)) && h.length > p.length - 1 : h === p;
}

export default defineRule({
  code: "connection-domain",
  severity: "error",
  description: "A call's host is outside its connection's domain.",
  check({ doc, report }) {
    for (const { call, parts } of doc.urls) {
      const host = textOf(doc.text, parts.host);
      if (!host || host.includes("{{")) continue;
      for (const use of call.connections) {
        const connection = use.name && doc.symbols.connections.get(use.name.name)?.[0];
        if (!connection || !connection.domains.length) continue;
        const allowed = connection.domains.map((d) => d.value);
        if (allowed.some((pattern) => hostMatches(host, pattern))) continue;
        report({
          span: parts.host!,
          message: `Connection ${use.name!.name} may only be used with ${allowed.join(" or ")}, not ${host}: its credentials never go to another host`,
        });
      }
    }
  },
});
