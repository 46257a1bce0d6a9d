// What a command handler gets and what it is: its own module, so that the
// command list (index.ts) and the handlers do not import each other.

import type * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";

/** What a command handler may use. */
export interface CommandContext {
  extension: vscode.ExtensionContext;
  client: LanguageClient;
  output: vscode.LogOutputChannel;
}

export interface BotflowCommand {
  id: string;
  /** `args`: what VS Code passes (a code lens's arguments, or nothing from the palette) */
  run(ctx: CommandContext, ...args: unknown[]): unknown;
}
