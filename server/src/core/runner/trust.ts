// The TLS trust for a test call: the usual roots plus any extra CA
// certificates. Building a secure context from ~150 roots costs about 20 ms,
// more than the whole loopback call, so one context is kept per distinct CA
// list (a process sees very few: the settings' list, a CLI flag).

import { X509Certificate } from "node:crypto";
import { createSecureContext, rootCertificates, type SecureContext } from "node:tls";

const MAX_CONTEXTS = 8;
const contexts = new Map<string, SecureContext>();

/** undefined means the default trust, which needs no context of its own. */
export function secureContextFor(extraCaPem: readonly string[] | undefined): SecureContext | undefined {
  if (!extraCaPem?.length) return undefined;
  const key = extraCaPem.join("\n");
  let context = contexts.get(key);
  if (!context) {
    for (const pem of extraCaPem) checkPem(pem);
    context = createSecureContext({ ca: [...rootCertificates, ...extraCaPem] });
    if (contexts.size >= MAX_CONTEXTS) contexts.delete(contexts.keys().next().value!);
    contexts.set(key, context);
  }
  return context;
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

/** OpenSSL skips a certificate it cannot read without a word; say so instead of failing later as "not trusted". */
function checkPem(pem: string): void {
  const blocks = pem.match(PEM_BLOCK);
  if (!blocks) throw new Error("no PEM certificate (-----BEGIN CERTIFICATE-----) found");
  for (const block of blocks) {
    try {
      new X509Certificate(block);
    } catch (error) {
      throw new Error(`a certificate is not valid PEM (${error instanceof Error ? error.message : String(error)})`);
    }
  }
}
