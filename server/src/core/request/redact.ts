// Scrubbing secrets from everything a person sees: request and response
// headers, URLs, bodies, error messages, field samples. Credential headers are
// shown by kind (`Bearer ••••`, `Basic ••••`, `••••`); any other text has each
// occurrence of a secret replaced, in the forms a server might echo it back
// (as is, JSON-escaped, percent-encoded).

import type { PreparedRequest, Redactions, RequestView } from "./prepared-request";

export const MASK = "••••";

/**
 * Headers whose values are credentials even when written literally in the
 * file (the `secret-in-header` warning) or set by a server: never shown.
 */
export const CREDENTIAL_HEADER_NAMES: readonly string[] = ["authorization", "proxy-authorization", "cookie", "x-api-key", "api-key"];
const ALWAYS_SECRET_HEADERS = new Set([...CREDENTIAL_HEADER_NAMES, "set-cookie"]);

export function redactText(text: string, redactions: Redactions): string {
  let out = text;
  for (const form of secretForms(redactions)) out = out.split(form).join(MASK);
  return out;
}

export function redactHeaderValue(name: string, value: string, redactions: Redactions): string {
  const lower = name.toLowerCase();
  if (redactions.credentialHeaders.includes(lower) || ALWAYS_SECRET_HEADERS.has(lower)) {
    const scheme = /^(Bearer|Basic|Digest|Token)\s/i.exec(value);
    return scheme ? `${scheme[1]} ${MASK}` : MASK;
  }
  return redactText(value, redactions);
}

export function redactHeaders(headers: readonly (readonly [string, string])[], redactions: Redactions): [string, string][] {
  return headers.map(([name, value]) => [name, redactHeaderValue(name, value, redactions)]);
}

/** A parsed JSON value with every string (keys included) scrubbed; an explicit stack, so any depth. */
export function redactJson(value: unknown, redactions: Redactions): unknown {
  const scrub = (v: unknown): unknown => (typeof v === "string" ? redactText(v, redactions) : v);
  if (value === null || typeof value !== "object") return scrub(value);
  const root: unknown[] | Record<string, unknown> = Array.isArray(value) ? [] : {};
  // Each pending pair: a container as parsed, and its scrubbed copy (filled here).
  const pending: [unknown[] | Record<string, unknown>, unknown[] | Record<string, unknown>][] = [[value as unknown[] | Record<string, unknown>, root]];
  while (pending.length) {
    const [from, to] = pending.pop()!;
    const entries: [string | number, unknown][] = Array.isArray(from) ? from.map((v, i) => [i, v]) : Object.entries(from);
    for (const [key, child] of entries) {
      let copy = scrub(child);
      if (child !== null && typeof child === "object") {
        copy = Array.isArray(child) ? [] : {};
        pending.push([child as unknown[] | Record<string, unknown>, copy as unknown[] | Record<string, unknown>]);
      }
      if (Array.isArray(to)) to.push(copy);
      else Object.defineProperty(to, redactText(String(key), redactions), { value: copy, enumerable: true, writable: true, configurable: true });
    }
  }
  return root;
}

export function viewRequest(request: Pick<PreparedRequest, "method" | "url" | "headers" | "body" | "redactions">): RequestView {
  const { redactions } = request;
  return {
    method: request.method,
    url: redactText(request.url, redactions),
    headers: redactHeaders(request.headers, redactions),
    body: request.body ? redactText(new TextDecoder().decode(request.body), redactions) : undefined,
  };
}

/** Longest first, so a secret that contains another is replaced whole. */
function secretForms(redactions: Redactions): string[] {
  const forms = new Set<string>();
  for (const secret of redactions.secrets) {
    if (!secret) continue;
    forms.add(secret);
    forms.add(JSON.stringify(secret).slice(1, -1));
    try {
      forms.add(encodeURIComponent(secret));
    } catch {
      // a lone surrogate cannot be percent-encoded, so it cannot be echoed that way either
    }
  }
  return [...forms].sort((a, b) => b.length - a.length);
}
