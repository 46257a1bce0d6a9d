// The secrets a step's connection reads: `secret "key"` from VS Code's secret
// storage (asked for, and stored, when missing), `env NAME` from the
// environment. The values go to the server for one request only; they are
// never logged nor shown.

import type * as vscode from "vscode";
import { secretSourceKey, type TestCallSecretSource } from "../../../server/src/protocol";
import { ui } from "../ui";

/** Values by secretSourceKey(); undefined when the person cancelled a prompt. */
export async function resolveSecrets(step: string, sources: readonly TestCallSecretSource[], storage: vscode.SecretStorage): Promise<Record<string, string> | undefined> {
  const secrets: Record<string, string> = {};
  for (const source of sources) {
    let value: string | undefined;
    if (source.kind === "env") value = process.env[source.name];
    else {
      value = await storage.get(source.key);
      if (!value) {
        value = await ui.showInputBox({
          title: `Run test call: ${step}`,
          prompt: `Secret "${source.key}" is not set. Enter it (kept in VS Code's secret storage):`,
          password: true,
          ignoreFocusOut: true,
        });
        if (value === undefined) return undefined;
        if (value) await storage.store(source.key, value);
      }
    }
    if (value) secrets[secretSourceKey(source)] = value;
  }
  return secrets;
}
