// A transport error (from undici, node:net or node:tls) → what went wrong, in
// one line a bot author understands. Error codes are read along the `cause`
// chain, since undici wraps the socket's error.

import type { OutcomeKind } from "./test-call-result";

export interface Failure {
  kind: Exclude<OutcomeKind, "ok" | "empty-body" | "not-json" | "too-large" | "status">;
  reason: string;
}

const DNS = new Set(["ENOTFOUND", "EAI_AGAIN", "EAI_NONAME", "EAI_FAIL", "EAI_NODATA"]);
const TIMEOUT = new Set(["UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT", "ETIMEDOUT"]);
const TLS = /CERT|SELF_SIGNED|UNABLE_TO_|^ERR_TLS|^ERR_SSL|^EPROTO$|HOSTNAME_MISMATCH/;

export function describeTransportError(error: unknown, where: URL, timeoutMs: number): Failure {
  const chain = causes(error);
  const codes = chain.map((e) => (e as { code?: unknown }).code).filter((c): c is string => typeof c === "string");
  const host = where.hostname;
  const port = where.port || "443";
  if (codes.some((c) => TIMEOUT.has(c))) return timeoutFailure(timeoutMs);
  if (codes.some((c) => DNS.has(c))) return { kind: "dns", reason: `The host ${host} was not found (DNS lookup failed)` };
  if (codes.includes("ECONNREFUSED")) return { kind: "refused", reason: `Connection refused by ${host}:${port}: nothing is listening there` };
  const tls = chain.find((e) => TLS.test(String((e as { code?: unknown }).code ?? "")));
  if (tls) return { kind: "tls", reason: `TLS error with ${host}: ${firstLine(tls)} (the server's certificate is not trusted for this host)` };
  return { kind: "network", reason: `Network error with ${host}:${port}: ${firstLine(chain.at(-1) ?? error)}` };
}

export function timeoutFailure(timeoutMs: number): Failure {
  return { kind: "timeout", reason: `No complete answer within ${timeoutMs} ms (timeout)` };
}

function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = error;
  while (current && typeof current === "object" && chain.length < 8 && !chain.includes(current)) {
    chain.push(current);
    current = (current as { cause?: unknown }).cause;
  }
  return chain.length ? chain : [error];
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0];
}
