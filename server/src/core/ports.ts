// What the core needs of the outside world, passed in by the shells (as
// json-language-features hands startServer a runtime): HTTP for test calls
// and runs, and timers. The core builds no connection and starts no timer of
// its own accord; the Node implementations are in server/src/runtime/.

import type { LookupFunction } from "node:net";
import type { SecureContext } from "node:tls";
import type { Dispatcher } from "undici";

/** How the connections of one call are opened. */
export interface ConnectOptions {
  /** connecting (TCP + TLS) may take this long */
  timeoutMs: number;
  /** the trust store (root certificates plus any extra CA); undefined: the usual roots */
  secureContext?: SecureContext;
  /** host name resolution; undefined: the system's */
  lookup?: LookupFunction;
}

/**
 * HTTP as an undici Dispatcher per call: the runner sends through it and
 * destroys it at the end, so a call's sockets never serve another call.
 */
export interface HttpPort {
  dispatcher(options: ConnectOptions): Dispatcher | Promise<Dispatcher>;
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}
