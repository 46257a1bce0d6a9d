// A call step + test values + its connection → the exact request to send, or
// every reason it cannot be sent (each with the span to point at).

import type { CallStep, Connection, HeaderLine } from "../syntax/ast";
import type { BuildResult, PreparedRequest, RequestProblem } from "./prepared-request";
import type { Endpoint } from "../analysis/document";
import { buildUrl } from "./build-url";
import { substituteJsonBody } from "./json-body";
import { credentialsAllowed, resolveCredentials, type Credentials, type SecretResolver } from "./credentials";
import { missingValueMessage } from "./test-values";
import { CREDENTIAL_HEADER_NAMES } from "./redact";

export interface BuildRequestOptions {
  /** the connection the step names (see findConnection); undefined when it names none */
  connection?: Connection;
  resolveSecret: SecretResolver;
  /** the document's split URLs (FlowDocument.urls): the request line's URL is not split a second time */
  endpoints?: readonly Endpoint[];
}

const HTTP_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const VAR_REF = /\{\{([^{}\n]*)\}\}/g;

export async function buildRequest(step: CallStep, values: ReadonlyMap<string, string>, options: BuildRequestOptions): Promise<BuildResult> {
  const problems: RequestProblem[] = [];
  const anchor = step.name?.span ?? step.keywordSpan;

  if (step.requests.length !== 1) {
    problems.push({
      code: "request-line",
      message: step.requests.length ? "A call step has exactly one request line; this is an extra one" : "This call step has no request line such as GET https://...",
      span: step.requests[1]?.span ?? anchor,
    });
  }
  const requestLine = step.requests[0];
  const method = requestLine?.method.value;
  let url: { origin: string; target: string; hostname: string } | undefined;
  if (requestLine && !requestLine.url) problems.push({ code: "request-line", message: `${method} needs a URL on the same line`, span: requestLine.span });
  if (requestLine?.url) {
    const built = buildUrl(requestLine.url, values, options.endpoints?.find((e) => e.request === requestLine));
    if (built.ok) url = built.url;
    else problems.push(...built.problems);
  }

  const headers: [string, string][] = [];
  for (const line of step.headers) {
    const header = headerOf(line, values, problems);
    if (header) headers.push(header);
  }

  let body: Uint8Array | undefined;
  if (step.bodies.length > 1) problems.push({ code: "body", message: "A call step has at most one body", span: step.bodies[1].span });
  const bodyLine = step.bodies[0];
  if (bodyLine && method === "GET") {
    problems.push({ code: "body", message: "A GET request carries no body: use POST or PUT", span: bodyLine.keywordSpan });
  } else if (bodyLine && !bodyLine.json) {
    problems.push({ code: "body", message: "body needs a JSON value", span: bodyLine.span });
  } else if (bodyLine?.json) {
    const json = substituteJsonBody(bodyLine.json, values);
    if (json.ok) {
      body = new TextEncoder().encode(json.text);
      if (!headers.some(([name]) => name.toLowerCase() === "content-type")) headers.push(["Content-Type", "application/json"]);
    } else problems.push(...json.problems);
  }

  let credentials: Credentials | undefined;
  if (options.connection) {
    const resolved = await resolveCredentials(options.connection, options.resolveSecret);
    if (resolved.ok) credentials = resolved.credentials;
    else problems.push(...resolved.problems);
  }
  const scope = { domains: credentials?.scope?.domains, origin: url?.origin ?? "" };
  if (url && credentials && !credentialsAllowed(scope, new URL(url.origin))) {
    problems.push({
      code: "connection",
      message: `Connection ${options.connection?.name?.name} may only be used with ${scope.domains!.join(", ")}, not ${url.hostname}`,
      span: step.connections[0]?.span ?? anchor,
    });
  }

  if (problems.length || !method || !url) return { ok: false, problems: dedupe(problems) };

  // The connection's headers replace any the step sets under the same name: one credential, from one place.
  const credentialNames = new Set(credentials?.headers.map(([name]) => name.toLowerCase()));
  const allHeaders = [...headers.filter(([name]) => !credentialNames.has(name.toLowerCase())), ...(credentials?.headers ?? [])];

  const request: PreparedRequest = {
    method,
    origin: url.origin,
    target: url.target,
    url: url.origin + url.target,
    headers: allHeaders,
    body,
    redactions: { secrets: [...(credentials?.secrets ?? []), ...literalCredentials(headers)], credentialHeaders: [...credentialNames] },
    credentialScope: scope,
  };
  return { ok: true, request };
}

function headerOf(line: HeaderLine, values: ReadonlyMap<string, string>, problems: RequestProblem[]): [string, string] | undefined {
  const name = line.name?.value;
  if (!line.name || !name || !HTTP_TOKEN.test(name) || line.name.vars.length) {
    problems.push({ code: "header", message: "A header name is a plain HTTP token such as \"Accept\" (no spaces, no variables)", span: line.name?.span ?? line.span });
    return undefined;
  }
  if (!line.value) {
    problems.push({ code: "header", message: `Header ${name} needs a value in quotes`, span: line.span });
    return undefined;
  }
  let missing = false;
  const value = line.value.value.replace(VAR_REF, (whole, inner: string) => {
    const varName = inner.trim();
    const found = values.get(varName);
    if (found !== undefined) return found;
    missing = true;
    const ref = line.value!.vars.find((v) => v.name === varName);
    problems.push({ code: "missing-value", message: missingValueMessage(varName), span: ref?.span ?? line.value!.span, variable: varName });
    return whole;
  });
  if (missing) return undefined;
  // A line break would end the header and start another one the author never wrote.
  if (/[\0-\x08\x0a-\x1f\x7f]/.test(value)) {
    problems.push({ code: "header", message: `Header ${name}: its value would contain a line break or control character`, span: line.value.span });
    return undefined;
  }
  return [name, value];
}

/**
 * Credentials written into a header line (the `secret-in-header` warning) are
 * still credentials: scrub them from what the server echoes too. Short values
 * are left out, since replacing them would mask ordinary text.
 */
function literalCredentials(headers: [string, string][]): string[] {
  const out: string[] = [];
  for (const [name, value] of headers) {
    if (!CREDENTIAL_HEADER_NAMES.includes(name.toLowerCase())) continue;
    const token = value.replace(/^(Bearer|Basic|Token)\s+/i, "");
    if (token.length >= 8) out.push(token);
  }
  return out;
}

/** One problem per place and message: a variable used twice in one header reports once. */
function dedupe(problems: RequestProblem[]): RequestProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.span.start}:${p.span.end}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }).sort((a, b) => a.span.start - b.span.start);
}
