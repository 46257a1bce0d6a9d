// Request handlers never let an exception escape: a bug in one feature is
// logged (with its stack, as an error the client shows) and answered with an
// empty result, so the editor keeps working. ResponseErrors are deliberate
// answers (a refused rename) and pass through.

import { ResponseError, type Connection } from "vscode-languageserver/node";

export function guard<P extends unknown[], R>(connection: Connection, name: string, fallback: R, handler: (...args: P) => R): (...args: P) => R {
  return (...args: P) => {
    try {
      return handler(...args);
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      connection.console.error(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return fallback;
    }
  };
}

/**
 * A thrown error never ends the server: one that escapes every handler (a timer, a promise) is
 * logged once and the process keeps serving.
 */
export function keepServing(connection: Connection): void {
  let logging = false;
  const log = (what: string) => (error: unknown) => {
    // Writing to a client that has gone away fails again: then there is no one left to serve.
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (code === "EPIPE" || code === "ERR_STREAM_DESTROYED" || logging) process.exit(1);
    logging = true;
    try {
      connection.console.error(`${what}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    } catch {
      // the connection itself is gone: nothing left to tell
    } finally {
      logging = false;
    }
  };
  process.on("uncaughtException", log("uncaught exception"));
  process.on("unhandledRejection", log("unhandled rejection"));
}
