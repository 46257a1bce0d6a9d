// The test-call settings as both "Run test call" and "Run this flow" use them:
// the time limit, and the extra CA files with paths resolved against the
// workspace folder of the document.

import * as vscode from "vscode";
import * as path from "node:path";
import { SETTINGS_SECTION } from "../../server/src/protocol";

export interface TestCallSettings {
  timeoutMs?: number;
  /** `file` as written in the setting, `full` the path to read */
  caFiles: { file: string; full: string }[];
}

export function testCallSettings(document: vscode.Uri): TestCallSettings {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, document);
  const caFiles = (config.get<string[]>("testCall.caCertificates") ?? []).map((file) => ({ file, full: resolveSettingPath(file, document) }));
  return { timeoutMs: config.get<number>("testCall.timeoutMs"), caFiles };
}

function resolveSettingPath(file: string, document: vscode.Uri): string {
  if (file.startsWith("~/")) return path.join(process.env.HOME ?? "", file.slice(2));
  if (path.isAbsolute(file)) return file;
  const folder = vscode.workspace.getWorkspaceFolder(document) ?? vscode.workspace.workspaceFolders?.[0];
  return folder ? path.join(folder.uri.fsPath, file) : path.resolve(file);
}
