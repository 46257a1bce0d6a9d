// The `botflow` command line: dispatches to one module per subcommand.

import { processIo, EXIT, type CliIo } from "./io";

const USAGE = `Usage: botflow <command> [options]

Commands:
  check [--format text|json] PATH...   report the diagnostics of .flow files (folders are searched)
  test FILE STEP [options]              run one call step's request for real and list its response fields
  test FILE... --all [options]          send every call step and compare each response with its sample (API drift)
  run FILE [options]                    talk to a flow in the terminal
  graph FILE [--format json|dot|svg|mermaid] [-o OUT]   the flow as a graph or a drawing
  lsp --stdio                           start the language server (for any LSP editor)

Run "botflow <command> --help" for a command's options.
`;

type Command = (argv: string[], io: CliIo) => Promise<number>;

// Loaded on demand: `check` should not pay for undici or the language server at start-up.
const COMMANDS: Record<string, () => Promise<Command>> = {
  check: async () => (await import("./commands/check")).checkCommand,
  test: async () => (await import("./commands/test")).testCommand,
  run: async () => (await import("./commands/run")).runCommand,
  lsp: async () => (await import("./commands/lsp")).lspCommand,
  graph: async () => (await import("./commands/graph")).graphCommand,
};

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    (name ? io.stdout : io.stderr)(USAGE);
    return name ? EXIT.ok : EXIT.usage;
  }
  if (name === "--version" || name === "-v") {
    io.stdout(`${VERSION}\n`);
    return EXIT.ok;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.stderr(`botflow: unknown command "${name}"; try botflow --help\n`);
    return EXIT.usage;
  }
  return (await load())(rest, io);
}

declare const BOTFLOW_VERSION: string | undefined;
const VERSION = typeof BOTFLOW_VERSION === "string" ? BOTFLOW_VERSION : "dev";

/** The process entry: bin/botflow.js calls this from the bundle. */
export function runCli(): void {
  main(process.argv.slice(2), processIo()).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`botflow: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = EXIT.errors;
    },
  );
}
