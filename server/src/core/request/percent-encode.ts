// Percent-encoding by place in the URL. A test value is encoded so it stays
// one piece of its place: in a path segment it cannot add segments or end the
// path (`/ ? # %` and `.`-only segments are neutralised by the period rule
// upstream), in a query value it cannot add keys (`& = # +`). Text the author
// wrote is kept as written, only characters that may not appear raw in a URL
// are encoded.

/** Lone surrogates cannot be UTF-8 encoded: replace them with U+FFFD as TextEncoder does. */
export function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

/** A value inside one path segment: everything but RFC 3986 unreserved characters and a few harmless sub-delims. */
export function encodePathValue(value: string): string {
  return encodeURIComponent(wellFormed(value));
}

/**
 * A query string value. encodeURIComponent already encodes `& = # + ? /` and
 * space (as %20, never `+`, which some servers read as a space and others as a plus).
 */
export function encodeQueryValue(value: string): string {
  return encodeURIComponent(wellFormed(value));
}

// Characters a URL may hold raw in a path or query (RFC 3986 pchar plus `/ ?`); `%` only before two hex digits.
const LITERAL_SAFE = /[A-Za-z0-9\-._~!$&'()*+,;=:@/?]/;

/** Text the author wrote: kept as written, except characters that cannot appear raw in a request target. */
export function encodeLiteral(text: string): string {
  let out = "";
  const chars = Array.from(wellFormed(text));
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (LITERAL_SAFE.test(c)) out += c;
    else if (c === "%" && /^[0-9A-Fa-f]{2}$/.test((chars[i + 1] ?? "") + (chars[i + 2] ?? ""))) out += c;
    else out += encodeURIComponent(c).replace(/[!'()*]/g, (x) => `%${x.charCodeAt(0).toString(16).toUpperCase()}`);
  }
  return out;
}
