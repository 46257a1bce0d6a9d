// The endpoint URL with test values put in, by place. The URL as written is
// split into scheme, authority, path, query and fragment first (on the text
// with each `{{var}}` masked, so a value or a var name can never move a
// boundary); values are then encoded for the place they sit in. Variables
// where the spec forbids them are refused here too, even though the analysis
// reports them: this is the code that really sends, so it does not trust that
// the file was checked.

import type { UrlText, VarRef } from "../syntax/ast";
import type { Span } from "../types";
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

type Place = "path" | "query-key" | "query-value";

export function buildUrl(url: UrlText, values: ReadonlyMap<string, string>): { ok: true; url: BuiltUrl } | { ok: false; problems: RequestProblem[] } {
  const raw = url.raw;
  const base = url.span.start;
  const refs = url.vars.map((ref) => ({ ref, start: ref.span.start - base, end: ref.span.end - base }));
  // Same length as `raw`, with every reference blanked: delimiters are searched here.
  let masked = raw;
  for (const r of refs) masked = masked.slice(0, r.start) + "x".repeat(r.end - r.start) + masked.slice(r.end);

  const problems: RequestProblem[] = [];
  const at = (start: number, end: number): Span => ({ start: base + start, end: base + end });
  const refsIn = (start: number, end: number) => refs.filter((r) => r.start >= start && r.end <= end);

  const schemeEnd = masked.indexOf("://");
  if (schemeEnd < 0 || raw.slice(0, schemeEnd).toLowerCase() !== "https" || refsIn(0, schemeEnd).length) {
    return fail({ code: "url", message: "The endpoint must start with https://", span: at(0, Math.max(schemeEnd, 0) + 3) });
  }
  const authorityStart = schemeEnd + 3;
  const authorityEnd = firstOf(masked, "/?#", authorityStart);
  const pathEnd = firstOf(masked, "?#", authorityEnd);
  const queryEnd = firstOf(masked, "#", pathEnd);

  for (const r of refsIn(authorityStart, authorityEnd)) {
    problems.push({ code: "url", message: `A variable cannot be part of the host or port: {{${r.ref.name}}} could send the request (and its credentials) elsewhere`, span: r.ref.span });
  }
  for (const r of refsIn(queryEnd, raw.length)) {
    problems.push({ code: "url", message: `A variable cannot be in the fragment (after #): {{${r.ref.name}}}; the fragment is never sent`, span: r.ref.span });
  }

  let origin = "";
  let hostname = "";
  if (!problems.length) {
    const authority = raw.slice(authorityStart, authorityEnd);
    let parsed: URL | undefined;
    try {
      parsed = new URL(`https://${authority}/`);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !authority || !parsed.hostname) {
      problems.push({ code: "url", message: `The endpoint's host is not valid: ${JSON.stringify(authority)}`, span: at(authorityStart, authorityEnd) });
    } else if (parsed.username || parsed.password) {
      problems.push({ code: "url", message: "Credentials in the URL are not sent: use a connection with `basic` instead", span: at(authorityStart, authorityEnd) });
    } else {
      origin = parsed.origin;
      hostname = parsed.hostname;
    }
  }

  const fill = (start: number, end: number, place: Place): string => {
    let out = "";
    let cursor = start;
    for (const r of refsIn(start, end)) {
      out += encodeLiteral(raw.slice(cursor, r.start));
      cursor = r.end;
      const value = values.get(r.ref.name);
      if (value === undefined) {
        problems.push({ code: "missing-value", message: missingValueMessage(r.ref.name), span: r.ref.span });
      } else if (place === "query-key") {
        problems.push({ code: "url", message: `A variable cannot be a query string key: {{${r.ref.name}}}; only values may hold variables`, span: r.ref.span });
      } else if (place === "path" && value.includes(".")) {
        problems.push({ code: "period-in-path-var", message: periodMessage(r.ref, value), span: r.ref.span });
      } else {
        out += place === "path" ? encodePathValue(value) : encodeQueryValue(value);
      }
    }
    return out + encodeLiteral(raw.slice(cursor, end));
  };

  let target = fill(authorityEnd, pathEnd, "path") || "/";
  if (pathEnd < queryEnd) {
    target += "?";
    let pairStart = pathEnd + 1;
    const pairs: string[] = [];
    while (pairStart <= queryEnd) {
      const pairEnd = firstOf(masked, "&", pairStart, queryEnd);
      const eq = firstOf(masked, "=", pairStart, pairEnd);
      pairs.push(eq < pairEnd ? `${fill(pairStart, eq, "query-key")}=${fill(eq + 1, pairEnd, "query-value")}` : fill(pairStart, pairEnd, "query-key"));
      pairStart = pairEnd + 1;
    }
    target += pairs.join("&");
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, url: { origin, target, hostname } };

  function fail(problem: RequestProblem) {
    return { ok: false as const, problems: [problem] };
  }
}

/** The spec's wording, with the value that broke it: test values are not secrets. */
function periodMessage(ref: VarRef, value: string): string {
  return `Variables added in the URL path must not contain periods: {{${ref.name}}} is ${JSON.stringify(value)}. Pass it as a query value, or use POST/PUT with a body`;
}

/** Index of the first of `chars` in `text` from `from`, or `limit` (default: text length) when none comes before it. */
function firstOf(text: string, chars: string, from: number, limit = text.length): number {
  for (let i = from; i < limit; i++) if (chars.includes(text[i])) return i;
  return limit;
}
