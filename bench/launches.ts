// The ways people start the language server, for the benches that measure it:
// VS Code's launch (the extension's execArgv, `node … dist/server.js --stdio`)
// and `botflow lsp --stdio`, the command other editors (Neovim, Helix, …) run,
// with no Node flags. Both load the bundles in dist/.

import { resolve } from "node:path";
import { SERVER_EXEC_ARGV } from "../server/src/protocol";
import { LspClient, ROOT } from "../test/helpers/lsp-client";

export interface Launch {
  name: string;
  start(): Promise<LspClient>;
}

export const BOTFLOW_LAUNCHES: Launch[] = [
  { name: "botflow, VS Code's launch", start: () => LspClient.start({ execArgv: SERVER_EXEC_ARGV }) },
  { name: "botflow lsp --stdio", start: () => LspClient.start({ serverModule: resolve(ROOT, "bin/botflow.js"), args: ["lsp", "--stdio"] }) },
];
