// The language server's process entry (dist/server.js): `node dist/server.js
// --stdio` (or --socket=N, --pipe=NAME, --node-ipc), VS Code's launch, and
// `botflow lsp --stdio` (startStdioServer) all come here. With no transport
// flag it speaks over stdio.
// The server itself (worker.ts, dist/server-worker.js) runs in a worker
// thread whose young generation is capped: a parse leaves megabytes of
// short-lived garbage, and with V8's default semi-spaces 50 open 10,000-line
// files took 187 MiB RSS against 145 MiB with this one (130 against 106 with
// heap.ts's prompt collections; 3 MiB saved no more, 12 MiB cost 7 MiB). A worker's
// resourceLimits are the only heap limits a running Node can set (flags given
// by v8.setFlagsFromString come after the heap is sized, and a re-exec would
// cost a second process), so the server is lean however it is started, not
// only under flags every editor would have to copy. This thread only passes
// stdin on; the worker writes stdout and stderr through it.

import { join } from "node:path";
import { Worker } from "node:worker_threads";

/** The server thread's young generation, in MiB (V8 splits it in three: two semi-spaces and the large-object space). */
export const YOUNG_GENERATION_MB = 6;

/** `botflow lsp --stdio`: serves LSP on stdin/stdout until the client says exit. */
export function startStdioServer(): void {
  launch(["--stdio"]);
}

function launch(args: string[]): void {
  const worker = join(__dirname, "server-worker.js");
  // node-ipc talks over process.send, which a worker thread does not have: serve it on this thread.
  if (args.some((a) => a.startsWith("--node-ipc"))) {
    (require(worker) as typeof import("./worker")).startInThisThread();
    return;
  }
  // The server's own thread logs its stray errors to the client (guard.ts keepServing); one that escapes this
  // thread (a preloaded script, a broken pipe to the worker) is told on stderr, which editors show in the
  // server's log, and never ends the process: the worker goes on serving.
  process.on("uncaughtException", (error) => process.stderr.write(`botflow language server: uncaught exception: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`));
  process.on("unhandledRejection", (error) => process.stderr.write(`botflow language server: unhandled rejection: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`));
  const thread = new Worker(worker, { argv: args, stdin: true, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
  process.stdin.pipe(thread.stdin!);
  thread.on("error", (error) => {
    process.stderr.write(`botflow language server: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
  // The server ends its thread on `exit`, when stdin closes or when the client process is gone.
  thread.on("exit", (code) => process.exit(process.exitCode ?? code));
}

// Run only as the bundle's own entry (dist/server.js), never when the CLI bundle includes this file.
if (typeof require !== "undefined" && typeof module !== "undefined" && require.main === module) launch(process.argv.slice(2));
