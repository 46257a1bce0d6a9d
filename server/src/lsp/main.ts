// The language server's process entry. `node dist/server.js --stdio` (or
// --node-ipc, --socket=N, --pipe=NAME) starts it; with no transport flag it
// speaks over stdio. `botflow lsp --stdio` calls startStdioServer() from the
// CLI bundle, which includes this module without running it.

import { format } from "node:util";
import { createConnection, type Connection } from "vscode-languageserver/node";
import { startServer } from "./server";
import { keepServing } from "./guard";

const TRANSPORT_FLAGS = /^--(stdio|node-ipc|socket|pipe)(=|$)/;

/** Serves LSP on stdin/stdout until the client says exit. */
export function startStdioServer(): void {
  serve(stdioConnection());
}

function serve(connection: Connection): void {
  keepServing(connection);
  startServer(connection);
}

function stdioConnection(): Connection {
  // With --stdio on the command line the library also moves console output off stdout.
  if (process.argv.includes("--stdio")) return createConnection();
  const connection = createConnection(process.stdin, process.stdout);
  // stdout carries the protocol: anything else printed there would corrupt it.
  console.log = console.info = console.debug = (...args: unknown[]) => connection.console.log(format(...args));
  console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
  console.error = (...args: unknown[]) => connection.console.error(format(...args));
  return connection;
}

function startFromCommandLine(): void {
  const hasTransport = process.argv.slice(2).some((a) => TRANSPORT_FLAGS.test(a));
  serve(hasTransport ? createConnection() : stdioConnection());
}

// Run only as the bundle's own entry (dist/server.js), never when the CLI bundle includes this file.
if (typeof require !== "undefined" && typeof module !== "undefined" && require.main === module) startFromCommandLine();
