// `url-invalid`: the endpoint is not a URL undici can send as written: no URL
// at all, no scheme or host, a bad port, or what the WHATWG parser (the one
// undici uses) refuses. Judged on a copy with every variable replaced by a
// value that fits its place, so only the literal text is blamed (a variable
// in the host is var-in-domain's alone).
//
// Forms the WHATWG parser reads leniently are reported as typos instead of
// being sent as it guesses: `https:x` / `https:/x` (with a fix to https://x),
// `https:///x`, a backslash read as `/`, whitespace, port 0. See
// docs/language-extensions.md.

import { defineRule } from "./rule";
import { textOf } from "../analysis/url";
import type { Endpoint } from "../analysis/document";
import type { Fix, Span } from "../types";
import { replaceVarRefs } from "../text/var-refs";
import { isWhatwgUrl } from "../text/whatwg-url";

interface Problem {
  message: string;
  span?: Span;
  fixes?: Fix[];
}

export default defineRule({
  code: "url-invalid",
  severity: "error",
  description: "The endpoint is not a valid URL.",
  check({ doc, report }) {
    for (const call of doc.symbols.calls) {
      for (const request of call.requests) {
        if (!request.url) report({ span: request.method.span, message: `This request line has no URL: write it as ${request.method.value} https://host/path` });
      }
    }
    for (const endpoint of doc.urls) {
      const problem = findProblem(doc.text, endpoint);
      if (problem) report({ span: problem.span ?? endpoint.request.url.span, message: problem.message, ...(problem.fixes ? { fixes: problem.fixes } : {}) });
    }
  },
});

/** Letters in place of each variable, keeping offsets: delimiters inside `{{…}}` do not count. */
function masked(raw: string): string {
  return replaceVarRefs(raw, (ref) => "x".repeat(ref.end - ref.start));
}

function findProblem(text: string, { request, parts, vars }: Endpoint): Problem | undefined {
  const url = request.url;
  const plain = masked(url.raw);
  const at = (start: number, end: number): Span => ({ start: url.span.start + start, end: url.span.start + end });
  if (!parts.scheme) {
    const typo = /^(https?):([/\\]*)/i.exec(plain);
    if (typo && typo[0].length < plain.length) {
      const span = at(0, typo[0].length);
      const write = `${typo[1]}://`;
      return {
        message: `Write ${write} before the host: ${JSON.stringify(typo[0])} would be read as ${write}`,
        span,
        fixes: [{ title: `Write ${write}`, edits: [{ span, newText: write }], preferred: true }],
      };
    }
    return { message: "This is not a full URL: write it as https://host/path" };
  }
  const host = textOf(text, parts.host);
  if (!host) return { message: "The URL has no host: write it as https://host/path", span: parts.scheme };
  const space = /\s/.exec(plain);
  if (space) {
    const s = at(space.index, space.index + 1);
    // `GET https://… # note`: the comment is part of the URL on a request line.
    if (/^\s+#/.test(url.raw.slice(space.index))) return { message: "A # on a request line belongs to the URL: put the comment on a line of its own", span: { start: s.start, end: url.span.end } };
    return { message: "URLs cannot contain spaces: encode them as %20", span: s };
  }
  // Before the query, the WHATWG parser reads `\` as `/`: say so rather than send another path.
  const pathEnd = plain.search(/[?#]/);
  const backslash = plain.slice(0, pathEnd < 0 ? plain.length : pathEnd).indexOf("\\");
  if (backslash >= 0) {
    const span = at(backslash, backslash + 1);
    return { message: "A \\ in a URL is read as /: write / (or %5C for a backslash)", span, fixes: [{ title: "Write /", edits: [{ span, newText: "/" }], preferred: true }] };
  }
  const port = textOf(text, parts.port);
  // An empty port (`host:/`) is valid and means the default one; leading zeros are read away. Port 0 reaches no server.
  if (port && !port.includes("{{") && !(/^\d+$/.test(port) && Number(port) >= 1 && Number(port) <= 65535)) {
    return { message: `${JSON.stringify(port)} is not a port number (1-65535)`, span: parts.port };
  }
  if (!isWhatwgUrl(concrete(url.raw, url.span.start, vars).replace(/^[^:]*:/, "https:"))) return { message: "This is not a valid URL" };
  return undefined;
}

/** The URL with each variable replaced by a value valid in its place: a letter in the authority, "1" elsewhere. */
function concrete(raw: string, base: number, vars: Endpoint["vars"]): string {
  let out = "";
  let copied = 0;
  for (const { ref, place } of vars) {
    const start = ref.span.start - base;
    out += raw.slice(copied, start) + (place === "host" || place === "userinfo" || place === "scheme" ? "a" : "1");
    copied = ref.span.end - base;
  }
  return out + raw.slice(copied);
}
