// Shared by the extension-host tests: waiting on the language server without
// sleeping blindly (poll a condition with a deadline), and the workspace folder.
import * as vscode from "vscode";

export const EXTENSION_ID = "botflow.botflow";

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error("no workspace folder open");
  return folder.uri;
}

/** Polls `probe` until it returns a value `accept` likes; throws with the last value after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => Thenable<T> | T, accept: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await probe();
    if (accept(last)) return last;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last value: ${describe(last)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function describe(value: unknown): string {
  try {
    return JSON.stringify(value)?.slice(0, 500) ?? String(value);
  } catch {
    return String(value);
  }
}

export async function openFlow(name: string): Promise<vscode.TextDocument> {
  const uri = vscode.Uri.joinPath(workspaceRoot(), name);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** The diagnostic's code as a string (the server sends `{ value, target }` when it links the rule's docs). */
export function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  return typeof c === "object" && c !== null ? String(c.value) : String(c);
}

/** The code lenses of a document, once the language server answers with at least `min` of them. */
export function codeLenses(uri: vscode.Uri, min = 1): Promise<vscode.CodeLens[]> {
  return waitFor(
    `${min} code lens(es) in ${uri.path}`,
    () => vscode.commands.executeCommand<vscode.CodeLens[]>("vscode.executeCodeLensProvider", uri, 100),
    (lenses) => Array.isArray(lenses) && lenses.length >= min && lenses.every((l) => !!l.command),
  );
}
