// Request handlers never let an exception escape: a bug in one feature is
// logged (with its stack, as an error the client shows) and answered with an
// empty result, so the editor keeps working. ResponseErrors are deliberate
// answers (a refused rename) and pass through. An async handler's rejection
// is treated the same way.

import { ResponseError, type Connection } from "vscode-languageserver/node";

/** guard() with the connection bound: what the handler modules are given. */
export type Handle = <P extends unknown[], R>(name: string, fallback: NoInfer<Awaited<R>>, handler: (...args: P) => R) => (...args: P) => R;

export function guard<P extends unknown[], R>(connection: Connection, name: string, fallback: NoInfer<Awaited<R>>, handler: (...args: P) => R): (...args: P) => R {
  const failed = (error: unknown): Awaited<R> => {
    if (error instanceof ResponseError) throw error;
    connection.console.error(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return fallback;
  };
  return (...args: P) => {
    try {
      const result = handler(...args);
      return (result instanceof Promise ? result.catch(failed) : result) as R;
    } catch (error) {
      return failed(error) as R;
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
