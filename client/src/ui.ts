// The prompts and messages the commands use, behind one object. In normal use
// each goes straight to vscode.window (looked up at call time, so a test in
// the extension's own host can stub vscode.window). The extension also
// returns this object from activate(): a test running against the installed
// VSIX gets another copy of the `vscode` API, and answers prompts through it.

import * as vscode from "vscode";

export const ui = {
  showInputBox(options: vscode.InputBoxOptions): Thenable<string | undefined> {
    return vscode.window.showInputBox(options);
  },
  pickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: Omit<vscode.QuickPickOptions, "canPickMany">): Thenable<T[] | undefined> {
    return vscode.window.showQuickPick(items, { ...options, canPickMany: true });
  },
  pickOne<T extends vscode.QuickPickItem>(items: readonly T[], options: Omit<vscode.QuickPickOptions, "canPickMany">): Thenable<T | undefined> {
    return vscode.window.showQuickPick(items, options);
  },
  showInformationMessage(message: string, ...actions: string[]): Thenable<string | undefined> {
    return vscode.window.showInformationMessage(message, ...actions);
  },
  showErrorMessage(message: string): Thenable<string | undefined> {
    return vscode.window.showErrorMessage(message);
  },
};

export type BotflowUi = typeof ui;

/** What activate() returns. */
export interface BotflowExtensionApi {
  ui: BotflowUi;
}
