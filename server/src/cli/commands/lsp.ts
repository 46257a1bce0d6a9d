// `botflow lsp --stdio`: the language server for any LSP editor.

import { EXIT, type CliIo } from "../io";

export async function lspCommand(argv: string[], io: CliIo): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    io.stdout("Usage: botflow lsp --stdio\n\nStarts the Bot Flow language server on standard input/output.\n");
    return EXIT.ok;
  }
  if (!argv.includes("--stdio")) {
    io.stderr("botflow lsp: only --stdio is supported\n");
    return EXIT.usage;
  }
  const { startStdioServer } = await import("../../lsp/main");
  startStdioServer();
  // The server runs until the client says exit; keep the command pending.
  return new Promise<number>(() => undefined);
}
