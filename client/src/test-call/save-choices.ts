// After a successful run: offer to keep the typed values as test lines and to
// save fields of the response, then apply the one edit the server computes
// (botflow/saveLinesEdit) as one undo step.

import * as vscode from "vscode";
import * as path from "node:path";
import type { LanguageClient } from "vscode-languageclient/node";
import { SAVE_LINES_EDIT_REQUEST, type RunTestCallResult, type SaveLinesEditParams, type SaveLinesEditResult } from "../../../server/src/protocol";
import { ui } from "../ui";
import { oneLine, showError } from "./messages";

export async function offerSaveLines(client: LanguageClient, document: vscode.TextDocument, uri: string, step: string, result: RunTestCallResult, typed: Record<string, string>): Promise<void> {
  let tests: Record<string, string> | undefined;
  // Only after a success: values that led to a 404 are not worth keeping.
  if (result.branch === "success" && Object.keys(typed).length) {
    const answer = await ui.showInformationMessage(`Bot Flow: write the values you typed as test lines of ${step}?`, "Write test lines");
    if (answer === "Write test lines") tests = typed;
  }
  let paths: string[] = [];
  const pickable = result.branch === "success" ? result.fields.filter((f) => !f.alreadySavedAs) : [];
  if (pickable.length) {
    const items = pickable.map((f) => ({ label: f.path, description: `${f.value} · ${f.type}`, detail: `save ${f.name} = ${f.path}`, path: f.path }));
    const picked = await ui.pickMany(items, {
      title: `Save fields of ${step}'s response`,
      placeHolder: "Choose the fields to save (at most 8 saves per step)",
      ignoreFocusOut: true,
    });
    paths = picked?.map((p) => p.path) ?? [];
  }
  if (!paths.length && !tests) return;

  let edit: SaveLinesEditResult;
  try {
    const params: SaveLinesEditParams = { uri, step, paths, ...(tests ? { tests } : {}) };
    edit = await client.sendRequest<SaveLinesEditResult>(SAVE_LINES_EDIT_REQUEST, params);
  } catch (e) {
    return showError(oneLine(e));
  }
  if (!edit.edits.length) return;
  const name = path.basename(document.uri.path);
  if (document.version !== edit.version) return showError(`${name} changed meanwhile: run the test call again`);
  const workspaceEdit = new vscode.WorkspaceEdit();
  for (const e of edit.edits) {
    workspaceEdit.replace(document.uri, new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
  }
  if (!(await vscode.workspace.applyEdit(workspaceEdit))) return showError(`the lines could not be inserted into ${name}`);
  vscode.window.setStatusBarMessage(`Bot Flow: added ${edit.lines.length} line${edit.lines.length === 1 ? "" : "s"} to ${step}`, 5000);
}
