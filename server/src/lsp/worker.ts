// The language server proper (dist/server-worker.js). main.ts runs it in a
// worker thread with a small young generation; under --node-ipc, which needs
// process.send, main.ts calls startInThisThread() instead.

import { format } from "node:util";
import { isMainThread } from "node:worker_threads";
import { createConnection, type Connection } from "vscode-languageserver/node";
import { startServer } from "./server";
import { keepServing } from "./guard";

const TRANSPORT_FLAGS = /^--(stdio|node-ipc|socket|pipe)(=|$)/;

function stdioConnection(): Connection {
  const connection = createConnection(process.stdin, process.stdout);
  // stdout carries the protocol: anything else printed there would corrupt it.
  console.log = console.info = console.debug = (...args: unknown[]) => connection.console.log(format(...args));
  console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
  console.error = (...args: unknown[]) => connection.console.error(format(...args));
  return connection;
}

/** Serves LSP over the transport the command line names (with --stdio the library also moves console output off stdout), stdio without one. */
export function startInThisThread(): void {
  const hasTransport = process.argv.slice(2).some((a) => TRANSPORT_FLAGS.test(a));
  const connection = hasTransport ? createConnection() : stdioConnection();
  keepServing(connection);
  startServer(connection);
}

if (!isMainThread) startInThisThread();
