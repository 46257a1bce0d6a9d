// "Bot Flow: Set connection secret": stores the value of a `secret "key"`
// source in VS Code's secret storage, where Run test call reads it. The keys
// offered are those the open file's connections read (asked of the server);
// any other key can be typed. The value is typed in a password box and never
// shown or logged.

import * as vscode from "vscode";
import { LANGUAGE_ID, TEST_CALL_PLAN_REQUEST, type TestCallPlan, type TestCallPlanParams } from "../../../server/src/protocol";
import type { CommandContext } from "./context";
import { ui } from "../ui";

const OTHER = "Another key…";

export async function setConnectionSecret(ctx: CommandContext, ...args: unknown[]): Promise<void> {
  let keys: string[] = [];
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.languageId === LANGUAGE_ID) {
    try {
      const params: TestCallPlanParams = { uri: ctx.client.code2ProtocolConverter.asUri(editor.document.uri) };
      keys = (await ctx.client.sendRequest<TestCallPlan>(TEST_CALL_PLAN_REQUEST, params)).fileSecrets;
    } catch {
      keys = [];
    }
  }
  let key: string | undefined = typeof args[0] === "string" ? args[0] : undefined;
  if (!key && keys.length) {
    const picked = await ui.pickOne([...keys.map((k) => ({ label: k, description: "secret used by this file" })), { label: OTHER, description: "" }], {
      title: "Set connection secret",
      placeHolder: "Which secret \"key\"?",
    });
    if (!picked) return;
    if (picked.label !== OTHER) key = picked.label;
  }
  if (!key) {
    key = await ui.showInputBox({ title: "Set connection secret", prompt: "The key, as in secret \"key\"", ignoreFocusOut: true, validateInput: (v) => (v.trim() ? undefined : "Type a key") });
    if (!key) return;
    key = key.trim();
  }
  const value = await ui.showInputBox({ title: `Set connection secret "${key}"`, prompt: `The value of secret "${key}" (kept in VS Code's secret storage)`, password: true, ignoreFocusOut: true });
  if (value === undefined) return;
  if (value === "") {
    await ctx.extension.secrets.delete(key);
    vscode.window.setStatusBarMessage(`Bot Flow: secret "${key}" removed`, 5000);
    return;
  }
  await ctx.extension.secrets.store(key, value);
  vscode.window.setStatusBarMessage(`Bot Flow: secret "${key}" stored`, 5000);
}
