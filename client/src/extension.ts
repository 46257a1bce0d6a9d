// The VS Code extension: starts the bundled language server and registers
// the commands. Activation (on opening a .flow file) does nothing else, so it
// costs no more than starting one Node process.

import * as vscode from "vscode";
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";
import { LANGUAGE_ID, SERVER_EXEC_ARGV, SETTINGS_SECTION } from "../../server/src/protocol";
import { registerCommands } from "./commands/index";
import { registerDiagram } from "./diagram/show-diagram";
import { ui, type BotflowExtensionApi } from "./ui";

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): BotflowExtensionApi {
  // A log channel: the client writes its own messages and, with botflow.trace.server, the protocol trace.
  const output = vscode.window.createOutputChannel("Bot Flow", { log: true });
  const module = context.asAbsolutePath("dist/server.js");
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio, options: { execArgv: [...SERVER_EXEC_ARGV] } },
    debug: { module, transport: TransportKind.stdio, options: { execArgv: [...SERVER_EXEC_ARGV, "--nolazy", "--inspect=6019"] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID }],
    outputChannel: output,
    // Pushes didChangeConfiguration when botflow.* changes; the server then pulls the section.
    synchronize: { configurationSection: SETTINGS_SECTION },
  };
  client = new LanguageClient("botflow", "Bot Flow", serverOptions, clientOptions);
  context.subscriptions.push(output);
  registerCommands({ extension: context, client, output });
  registerDiagram(context, client);
  client.start().catch((error: unknown) => output.error(`The Bot Flow language server did not start: ${error instanceof Error ? error.message : String(error)}`));
  return { ui };
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
