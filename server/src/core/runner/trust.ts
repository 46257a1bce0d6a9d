// The TLS trust for a test call: the usual roots plus any extra CA
// certificates. The extra ones are added to a context made with Node's own
// root store (its bundled roots, plus NODE_EXTRA_CA_CERTS, as every default
// TLS connection trusts): the context then gets a store of its own, copied
// from the parsed roots. The usual `ca: [...tls.rootCertificates, extra]`
// serialises ~145 roots to PEM and parses them again, 20–30 ms a context
// (≈250 ms on a loaded machine) against ≈2 ms, more than a whole loopback call.
// Contexts are still kept per distinct CA list (a process sees very few: the
// settings' list, a CLI flag).

import { X509Certificate } from "node:crypto";
import { createSecureContext, rootCertificates, type SecureContext } from "node:tls";

/** The native side of a SecureContext: `addCACert` is what the `ca` option itself calls for each certificate. */
interface NativeContext {
  addCACert?: (pem: string) => void;
}

const MAX_CONTEXTS = 8;
const contexts = new Map<string, SecureContext>();

/** undefined means the default trust, which needs no context of its own. */
export function secureContextFor(extraCaPem: readonly string[] | undefined): SecureContext | undefined {
  if (!extraCaPem?.length) return undefined;
  const key = extraCaPem.join("\n");
  let context = contexts.get(key);
  if (!context) {
    for (const pem of extraCaPem) checkPem(pem);
    context = withExtraCas(extraCaPem);
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

/** The default roots plus `extraCaPem`; the plain `ca` list where the native context has no addCACert. */
function withExtraCas(extraCaPem: readonly string[]): SecureContext {
  const context = createSecureContext();
  const native = (context as SecureContext & { context?: NativeContext }).context;
  if (typeof native?.addCACert !== "function") return createSecureContext({ ca: [...rootCertificates, ...extraCaPem] });
  for (const pem of extraCaPem) native.addCACert(pem);
  return context;
}
