// Splits an endpoint URL as written into its parts, with document spans, so
// the URL rules can say exactly which part a `{{variable}}` sits in. The WHATWG
// parser cannot do this: it normalises and keeps no positions. It is still
// used, on a copy with variables replaced, to judge whether the URL is valid.

import type { UrlText, VarRef } from "../syntax/ast";
import type { Span } from "../types";
import { replaceVarRefs } from "../text/var-refs";

export interface UrlQueryParam {
  key: Span;
  /** absent for `?flag` with no `=` */
  value?: Span;
}

export interface UrlParts {
  /** text before `://`; absent when the URL has no `://` */
  scheme?: Span;
  userinfo?: Span;
  host?: Span;
  port?: Span;
  path: Span;
  query?: Span;
  params: UrlQueryParam[];
  fragment?: Span;
}

export type UrlPlace = "scheme" | "userinfo" | "host" | "port" | "path" | "query-key" | "query-value" | "fragment";

/** `url.span.start` is the document offset of `url.raw[0]`. */
export function splitUrl(url: UrlText): UrlParts {
  const raw = url.raw;
  const base = url.span.start;
  const at = (start: number, end: number): Span => ({ start: base + start, end: base + end });
  // Delimiters inside `{{...}}` do not count: mask variables before searching.
  const masked = replaceVarRefs(raw, (ref) => "x".repeat(ref.end - ref.start));

  let i = 0;
  const parts: UrlParts = { path: at(0, 0), params: [] };
  const sep = masked.indexOf("://");
  const firstDelimiter = masked.search(/[/?#]/);
  if (sep >= 0 && (firstDelimiter < 0 || firstDelimiter >= sep)) {
    parts.scheme = at(0, sep);
    i = sep + 3;
    let authorityEnd = masked.slice(i).search(/[/?#]/);
    authorityEnd = authorityEnd < 0 ? masked.length : i + authorityEnd;
    let hostStart = i;
    const atSign = masked.lastIndexOf("@", authorityEnd - 1);
    if (atSign >= i) {
      parts.userinfo = at(i, atSign);
      hostStart = atSign + 1;
    }
    let hostEnd = authorityEnd;
    if (masked[hostStart] === "[") {
      const close = masked.indexOf("]", hostStart);
      hostEnd = close >= 0 && close < authorityEnd ? close + 1 : authorityEnd;
    } else {
      const colon = masked.indexOf(":", hostStart);
      if (colon >= 0 && colon < authorityEnd) hostEnd = colon;
    }
    parts.host = at(hostStart, hostEnd);
    if (masked[hostEnd] === ":") parts.port = at(hostEnd + 1, authorityEnd);
    i = authorityEnd;
  }
  const queryStart = masked.indexOf("?", i);
  const hash = masked.indexOf("#", i);
  const pathEnd = [queryStart, hash].filter((x) => x >= 0).reduce((a, b) => Math.min(a, b), masked.length);
  parts.path = at(i, pathEnd);
  if (queryStart >= 0 && (hash < 0 || queryStart < hash)) {
    const queryEnd = hash >= 0 ? hash : masked.length;
    parts.query = at(queryStart + 1, queryEnd);
    let p = queryStart + 1;
    while (p <= queryEnd) {
      let amp = masked.indexOf("&", p);
      if (amp < 0 || amp > queryEnd) amp = queryEnd;
      if (amp > p) {
        const eq = masked.indexOf("=", p);
        parts.params.push(eq >= 0 && eq < amp ? { key: at(p, eq), value: at(eq + 1, amp) } : { key: at(p, amp) });
      }
      p = amp + 1;
    }
  }
  if (hash >= 0) parts.fragment = at(hash + 1, masked.length);
  return parts;
}

function within(span: Span | undefined, ref: VarRef): boolean {
  return !!span && ref.span.start >= span.start && ref.span.end <= span.end;
}

/** Where a variable reference of this URL sits. */
export function placeOf(parts: UrlParts, ref: VarRef): UrlPlace {
  if (within(parts.scheme, ref)) return "scheme";
  if (within(parts.userinfo, ref)) return "userinfo";
  if (within(parts.host, ref)) return "host";
  if (within(parts.port, ref)) return "port";
  if (within(parts.fragment, ref)) return "fragment";
  for (const param of parts.params) {
    if (within(param.key, ref)) return "query-key";
    if (within(param.value, ref)) return "query-value";
  }
  return "path";
}

/** The text of a part, from the document text. */
export function textOf(text: string, span: Span | undefined): string {
  return span ? text.slice(span.start, span.end) : "";
}
