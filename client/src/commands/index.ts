// Every command the extension implements, in one list: adding a command is
// one import and one line below (its id must also be contributed in
// package.json). A contributed command with no entry yet answers with a
// message instead of VS Code's "command not found".

import * as vscode from "vscode";
import { COMMANDS } from "../../../server/src/protocol";
import { runFlow } from "./run-flow";
import { runTestCall } from "./run-test-call";
import { setConnectionSecret } from "./set-connection-secret";
import type { BotflowCommand, CommandContext } from "./context";

export type { BotflowCommand, CommandContext } from "./context";

export const COMMAND_HANDLERS: BotflowCommand[] = [
  { id: COMMANDS.runTestCall, run: runTestCall },
  { id: COMMANDS.setConnectionSecret, run: setConnectionSecret },
  { id: COMMANDS.runFlow, run: (ctx, uri) => runFlow(ctx.extension, uri instanceof vscode.Uri ? uri : undefined, ctx.client) },
];

const TITLES: Record<string, string> = {
  [COMMANDS.runTestCall]: "Run test call",
  [COMMANDS.setConnectionSecret]: "Set connection secret",
  [COMMANDS.runFlow]: "Run this flow",
};

export function registerCommands(ctx: CommandContext, handlers: readonly BotflowCommand[] = COMMAND_HANDLERS): void {
  const registered = new Set<string>();
  for (const command of handlers) {
    registered.add(command.id);
    ctx.extension.subscriptions.push(vscode.commands.registerCommand(command.id, (...args: unknown[]) => command.run(ctx, ...args)));
  }
  for (const [id, title] of Object.entries(TITLES)) {
    if (registered.has(id)) continue;
    ctx.extension.subscriptions.push(vscode.commands.registerCommand(id, () => vscode.window.showInformationMessage(`Bot Flow: ${title} is not available in this build yet.`)));
  }
}
