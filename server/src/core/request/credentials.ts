// A call's connection turned into the headers that authenticate it. Secret
// values come through a port (the editor's secret storage, the CLI's
// environment): the core never reads them itself, and never puts one in a
// message.

import type { CallStep, Connection, FlowFile, SecretSource } from "../syntax/ast";
import type { Span } from "../types";
import type { CredentialScope, RequestProblem } from "./prepared-request";

/** Looks a secret up; undefined (or "") when it is not set. */
export type SecretResolver = (source: SecretSource) => Promise<string | undefined>;

export interface Credentials {
  headers: [string, string][];
  /** the raw secrets and their encoded forms, for redaction */
  secrets: string[];
  scope?: Pick<CredentialScope, "domains">;
}

/** The connection a call names, declared above the call; undefined when the call names none. */
export function findConnection(ast: FlowFile, step: CallStep): { connection?: Connection; problems: RequestProblem[] } {
  if (step.connections.length === 0) return { problems: [] };
  if (step.connections.length > 1) {
    return { problems: [{ code: "connection", message: "A call step uses at most one connection", span: step.connections[1].span }] };
  }
  const use = step.connections[0];
  const name = use.name?.name;
  if (!name) return { problems: [{ code: "connection", message: "The connection line names no connection", span: use.span }] };
  const connection = ast.connections.find((c) => c.name?.name === name && c.span.start < step.span.start);
  if (!connection) {
    return { problems: [{ code: "connection", message: `No connection named ${name} is declared above this call`, span: use.name!.span }] };
  }
  return { connection, problems: [] };
}

export function describeSecretSource(source: SecretSource): string {
  return source.kind === "env" ? `environment variable ${source.name}` : `secret ${JSON.stringify(source.key)}`;
}

export async function resolveCredentials(connection: Connection, resolve: SecretResolver): Promise<{ ok: true; credentials: Credentials } | { ok: false; problems: RequestProblem[] }> {
  const name = connection.name?.name ?? "(unnamed)";
  const problems: RequestProblem[] = [];
  const headers: [string, string][] = [];
  const secrets: string[] = [];

  const secretOf = async (source: SecretSource | undefined, where: Span): Promise<string | undefined> => {
    if (!source) {
      problems.push({ code: "connection", message: `Connection ${name}: this credential has no secret source (env NAME or secret "key")`, span: where });
      return undefined;
    }
    const value = await resolve(source);
    if (value === undefined || value === "") {
      problems.push({ code: "missing-secret", message: `Connection ${name} needs ${describeSecretSource(source)}, which is not set`, span: source.span, secret: source });
      return undefined;
    }
    if (/[\r\n\0]/.test(value)) {
      problems.push({ code: "missing-secret", message: `Connection ${name}: the value of ${describeSecretSource(source)} contains a line break, which cannot go in a header`, span: source.span });
      return undefined;
    }
    secrets.push(value);
    return value;
  };

  for (const auth of connection.auth) {
    if (auth.kind === "bearer") {
      const token = await secretOf(auth.source, auth.span);
      if (token !== undefined) headers.push(["Authorization", `Bearer ${token}`]);
    } else if (auth.kind === "basic") {
      const password = await secretOf(auth.source, auth.span);
      if (!auth.user) problems.push({ code: "connection", message: `Connection ${name}: basic needs a user name in quotes`, span: auth.span });
      else if (password !== undefined) {
        const encoded = Buffer.from(`${auth.user.value}:${password}`, "utf8").toString("base64");
        secrets.push(encoded);
        headers.push(["Authorization", `Basic ${encoded}`]);
      }
    } else {
      const key = await secretOf(auth.source, auth.span);
      const header = auth.header?.value;
      if (!header || !/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(header)) {
        problems.push({ code: "connection", message: `Connection ${name}: api_key needs a header name such as "X-Api-Key"`, span: auth.header?.span ?? auth.span });
      } else if (key !== undefined) headers.push([header, key]);
    }
  }
  if (problems.length) return { ok: false, problems };
  const domains = connection.domains.map((d) => d.value.toLowerCase()).filter((d) => d !== "");
  return { ok: true, credentials: { headers, secrets, scope: { domains: domains.length ? domains : undefined } } };
}

/** `domain "host"` matches that host; `domain "*.example.com"` matches its subdomains (any depth), not example.com itself. */
export function hostMatchesDomain(hostname: string, pattern: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  const p = pattern.toLowerCase().replace(/\.$/, "");
  if (p.startsWith("*.")) return host.endsWith(p.slice(1)) && host.length > p.length - 1;
  return host === p;
}

/** May the credentials go to `url`? Without domains: only to the origin the request was built for. */
export function credentialsAllowed(scope: CredentialScope, url: URL): boolean {
  if (scope.domains) return url.protocol === "https:" && scope.domains.some((d) => hostMatchesDomain(url.hostname, d));
  return url.origin === scope.origin;
}
