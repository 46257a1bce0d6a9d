// The `botflow` command line: dispatches to one module per subcommand.

import { processIo, EXIT, type CliIo } from "./io";
import { checkCommand } from "./commands/check";
import { testCommand } from "./commands/test";
import { runCommand } from "./commands/run";
import { lspCommand } from "./commands/lsp";

const USAGE = `Usage: botflow <command> [options]

Commands:
  check [--format text|json] PATH...   report the diagnostics of .flow files (folders are searched)
  test FILE STEP [options]              run one call step's request for real and list its response fields
  run FILE [options]                    talk to a flow in the terminal
  lsp --stdio                           start the language server (for any LSP editor)

Run "botflow <command> --help" for a command's options.
`;

type Command = (argv: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, Command> = { check: checkCommand, test: testCommand, run: runCommand, lsp: lspCommand };

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
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`botflow: unknown command "${name}"; try botflow --help\n`);
    return EXIT.usage;
  }
  return command(rest, io);
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
