// "Bot Flow: Show diagram" (palette and the editor title bar of a .flow):
// opens the flow's diagram beside its editor. Also registers
// botflow.diagram.state, an internal command the end-to-end tests and the
// bench read what a diagram shows from.

import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { COMMANDS, LANGUAGE_ID } from "../../../server/src/protocol";
import { DiagramPanel, type DiagramState } from "./diagram-panel";

export function registerDiagram(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.showDiagram, async (uri?: unknown) => {
      const document = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
      if (!document || document.languageId !== LANGUAGE_ID) {
        void vscode.window.showInformationMessage("Bot Flow: open a .flow file to show its diagram.");
        return;
      }
      DiagramPanel.show(context.extensionUri, client, document);
    }),
    vscode.commands.registerCommand("botflow.diagram.state", (uri: unknown): DiagramState | undefined =>
      DiagramPanel.stateOf(uri instanceof vscode.Uri ? uri.toString() : String(uri))),
  );
}
