// The values that flow from "build the request" to "send it" and to the views
// that show it. A PreparedRequest is exactly what goes on the wire; anything
// shown to a person goes through redact.ts first.

import type { HttpMethod, SecretSource } from "../syntax/ast";
import type { Span } from "../types";

/** The secrets a request carries, so every view of it (and of its response) can scrub them. */
export interface Redactions {
  /** secret values as resolved, plus their encoded forms (base64 for basic) */
  secrets: string[];
  /** lower-cased names of the headers the connection adds; shown as `Bearer ••••`, `Basic ••••` or `••••` */
  credentialHeaders: string[];
}

/** Which hosts may receive the connection's credentials, redirects included. */
export interface CredentialScope {
  /** the connection's `domain` patterns; undefined when it declares none */
  domains?: string[];
  /** without domains, credentials only go back to the origin they were built for */
  origin: string;
}

export interface PreparedRequest {
  method: HttpMethod;
  /** `https://host[:port]` */
  origin: string;
  /** path and query exactly as sent, already percent-encoded; the fragment is never sent */
  target: string;
  /** origin + target */
  url: string;
  /** in order; values are text (non-Latin-1 characters go out as their UTF-8 bytes) */
  headers: [string, string][];
  /** the JSON body as UTF-8 bytes */
  body?: Uint8Array;
  redactions: Redactions;
  credentialScope: CredentialScope;
}

export type RequestProblemCode =
  | "missing-value"
  | "missing-secret"
  | "request-line"
  | "url"
  | "period-in-path-var"
  | "header"
  | "body"
  | "connection";

/** Why a step cannot be sent: a one-line message at a place in the document. */
export interface RequestProblem {
  code: RequestProblemCode;
  message: string;
  span: Span;
  /** for "missing-value": the variable to ask a value for */
  variable?: string;
  /** for "missing-secret": where the secret was looked up, so a shell can say how to set it */
  secret?: SecretSource;
}

export type BuildResult =
  | { ok: true; request: PreparedRequest }
  | { ok: false; problems: RequestProblem[] };

/** The request as a person may see it: secrets redacted, body decoded. */
export interface RequestView {
  method: HttpMethod;
  url: string;
  headers: [string, string][];
  body?: string;
}
