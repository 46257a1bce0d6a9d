// Following a redirect by hand, so the rules are ours and not a library's:
// https only, a bounded number of hops, and the connection's credentials
// never sent to a host outside its scope.

import type { HttpMethod } from "../syntax/ast";
import type { CredentialScope, Redactions } from "../request/prepared-request";
import { credentialsAllowed } from "../request/credentials";
import { CREDENTIAL_HEADER_NAMES } from "../request/redact";

export interface Hop {
  method: HttpMethod;
  origin: string;
  target: string;
  headers: [string, string][];
  body?: Uint8Array;
  /** whether this hop still carries the connection's credentials */
  credentials: boolean;
}

export type RedirectDecision =
  | { kind: "none" }
  | { kind: "follow"; hop: Hop }
  | { kind: "refuse-http"; location: string }
  | { kind: "invalid"; location: string };

const FOLLOWED = new Set([301, 302, 303, 307, 308]);

export function decideRedirect(current: Hop, status: number, location: string | undefined, scope: CredentialScope, redactions: Redactions): RedirectDecision {
  if (!FOLLOWED.has(status) || !location) return { kind: "none" };
  let next: URL;
  try {
    next = new URL(location, current.origin + current.target);
  } catch {
    return { kind: "invalid", location };
  }
  if (next.protocol !== "https:") return { kind: "refuse-http", location: next.href };

  // As browsers do: 303 always, and 301/302 after a POST, become a GET without a body.
  const toGet = status === 303 || ((status === 301 || status === 302) && current.method === "POST");
  const method: HttpMethod = toGet ? "GET" : current.method;
  let headers = current.headers;
  if (toGet) headers = headers.filter(([name]) => !/^content-(type|length)$/i.test(name));
  const credentials = current.credentials && credentialsAllowed(scope, next);
  if (!credentials) {
    // The connection's headers, and credential headers the author wrote literally: both are for this host only.
    const drop = new Set([...redactions.credentialHeaders, ...CREDENTIAL_HEADER_NAMES]);
    headers = headers.filter(([name]) => !drop.has(name.toLowerCase()));
  }
  return {
    kind: "follow",
    hop: { method, origin: next.origin, target: `${next.pathname}${next.search}`, headers, body: toGet ? undefined : current.body, credentials },
  };
}
