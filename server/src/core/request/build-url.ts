// The endpoint URL with test values put in, by place. The places come from
// the analysis's URL split (the same one the URL rules use), made on the text
// with each `{{var}}` masked, so neither a value nor a var name can move a
// boundary. Values are then encoded for the place they sit in. Variables
// where the spec forbids them are refused here too, even though the rules
// report them: this is the code that really sends, so it does not trust that
// the file was checked.

import type { UrlText, VarRef } from "../syntax/ast";
import type { Span } from "../types";
import { placeOf, splitUrl, type UrlParts, type UrlPlace } from "../analysis/url";
import type { RequestProblem } from "./prepared-request";
import { encodeLiteral, encodePathValue, encodeQueryValue } from "./percent-encode";
import { missingValueMessage } from "./test-values";

export interface BuiltUrl {
  /** `https://host[:port]` */
  origin: string;
  /** path and query as sent */
  target: string;
  hostname: string;
}

/** The URL's parts and the place of each of its variables, as the analysis split them (FlowDocument.urls). */
export interface AnalysedUrl {
  parts: UrlParts;
  vars: readonly { ref: VarRef; place: UrlPlace }[];
}

/** `analysed`: the document's split of this URL; without it (a bare AST) the URL is split here. */
export function buildUrl(url: UrlText, values: ReadonlyMap<string, string>, analysed?: AnalysedUrl): { ok: true; url: BuiltUrl } | { ok: false; problems: RequestProblem[] } {
  const base = url.span.start;
  const slice = (span: Span) => url.raw.slice(span.start - base, span.end - base);
  const parts = analysed?.parts ?? splitUrl(url);
  const placeOfRef = (ref: VarRef): UrlPlace => analysed?.vars.find((v) => v.ref === ref)?.place ?? placeOf(parts, ref);
  const problems: RequestProblem[] = [];

  if (!parts.scheme || slice(parts.scheme).toLowerCase() !== "https") {
    const end = parts.scheme ? parts.scheme.end + 3 : base + Math.min(url.raw.length, 8);
    return { ok: false, problems: [{ code: "url", message: "The endpoint must start with https://", span: { start: base, end } }] };
  }

  for (const ref of url.vars) {
    const place = placeOfRef(ref);
    if (place === "path" || place === "query-value") continue;
    problems.push({ code: "url", message: misplacedMessage(ref, place), span: ref.span });
  }

  let origin = "";
  let hostname = "";
  const authority: Span = { start: parts.scheme.end + 3, end: parts.path.start };
  if (!problems.length) {
    const text = slice(authority);
    let parsed: URL | undefined;
    try {
      parsed = new URL(`https://${text}/`);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !text || !parsed.hostname) {
      problems.push({ code: "url", message: `The endpoint's host is not valid: ${JSON.stringify(text)}`, span: authority });
    } else if (parsed.username || parsed.password) {
      problems.push({ code: "url", message: "Credentials in the URL are not sent: use a connection with `basic` instead", span: parts.userinfo ?? authority });
    } else {
      origin = parsed.origin;
      hostname = parsed.hostname;
    }
  }

  // Literal text is kept as written (only characters a URL cannot hold raw are encoded); values are encoded for their place.
  const fill = (span: Span): string => {
    let out = "";
    let cursor = span.start;
    for (const ref of url.vars) {
      if (ref.span.start < span.start || ref.span.end > span.end) continue;
      out += encodeLiteral(slice({ start: cursor, end: ref.span.start }));
      cursor = ref.span.end;
      const value = values.get(ref.name);
      const place = placeOfRef(ref);
      if (value === undefined) {
        problems.push({ code: "missing-value", message: missingValueMessage(ref.name), span: ref.span, variable: ref.name });
      } else if (place === "path" && value.includes(".")) {
        problems.push({ code: "period-in-path-var", message: periodMessage(ref, value), span: ref.span });
      } else {
        out += place === "path" ? encodePathValue(value) : encodeQueryValue(value);
      }
    }
    return out + encodeLiteral(slice({ start: cursor, end: span.end }));
  };

  let target = fill(parts.path) || "/";
  if (parts.query) target += `?${fill(parts.query)}`;
  if (problems.length) return { ok: false, problems };
  return { ok: true, url: { origin, target, hostname } };
}

function misplacedMessage(ref: VarRef, place: string): string {
  switch (place) {
    case "query-key":
      return `A variable cannot be a query string key: {{${ref.name}}}; only values may hold variables`;
    case "fragment":
      return `A variable cannot be in the fragment (after #): {{${ref.name}}}`;
    default:
      return `A variable cannot be part of the scheme, user info, host or port: {{${ref.name}}} could send the request (and its credentials) elsewhere`;
  }
}

/** The spec's wording, with the value that broke it: test values are not secrets. */
function periodMessage(ref: VarRef, value: string): string {
  return `Variables added in the URL path must not contain periods: {{${ref.name}}} is ${JSON.stringify(value)}. Pass it as a query value, or use POST/PUT with a body`;
}
