// "Bot Flow: Run test call": the client side only. The language server plans,
// builds and sends the request through the core (botflow/testCallPlan,
// botflow/runTestCall); here we gather what only the editor has — values the
// person types, secrets from VS Code's secret storage or the environment, CA
// files named in settings — then show the redacted response and offer the
// save and test lines (test-call/). Secret values are never logged nor shown.

import * as vscode from "vscode";
import { LANGUAGE_ID, TEST_CALL_PLAN_REQUEST, readRunTestCallArguments, type TestCallPlan, type TestCallPlanParams } from "../../../server/src/protocol";
import type { CommandContext } from "./context";
import { ui } from "../ui";
import { testCallSettings } from "../test-call-settings";
import { askValues } from "../test-call/ask-values";
import { readCaCertificates } from "../test-call/ca-certificates";
import { oneLine, showError } from "../test-call/messages";
import { showResponse } from "../test-call/response-view";
import { offerSaveLines } from "../test-call/save-choices";
import { resolveSecrets } from "../test-call/secrets";
import { sendTestCall } from "../test-call/send-request";

export { RESPONSE_SCHEME } from "../test-call/response-view";

export async function runTestCall(ctx: CommandContext, ...args: unknown[]): Promise<void> {
  const { client } = ctx;
  const target = planParams(ctx, args);
  if (!target) return showError("open a .flow file and put the cursor in a call step");
  const document = await vscode.workspace.openTextDocument(target.document);
  let plan: TestCallPlan;
  try {
    plan = await client.sendRequest<TestCallPlan>(TEST_CALL_PLAN_REQUEST, target.params);
  } catch (e) {
    return showError(oneLine(e));
  }
  if (plan.error || !plan.step) return showError(plan.error ?? "no call step here");
  const step = plan.step;
  if (plan.blocking.length) {
    return showError(`${step} cannot be sent until this is fixed: ${plan.blocking[0]}${plan.blocking.length > 1 ? ` (and ${plan.blocking.length - 1} more)` : ""}`);
  }

  const typed = await askValues(step, plan.variables);
  const secrets = typed && (await resolveSecrets(step, plan.secrets, ctx.extension.secrets));
  if (!typed || !secrets) return; // cancelled
  const { timeoutMs, caFiles } = testCallSettings(document.uri);
  const ca = await readCaCertificates(caFiles);
  if (!ca.ok) return showError(ca.message);

  const uri = target.params.uri;
  const sent = await sendTestCall(client, document.uri, { uri, step, values: typed, secrets, caCertificates: ca.pems, ...(timeoutMs ? { timeoutMs } : {}) });
  if (!sent.ok) {
    if (sent.cancelled) return void vscode.window.setStatusBarMessage(`Bot Flow: test call of ${step} cancelled`, 5000);
    return showError(oneLine(sent.error));
  }
  const { result } = sent;
  if (!result.sent) return showError(result.error ?? `${step} could not be sent`);

  await showResponse(ctx.extension, document.uri, step, result);
  if (result.branch === "failure") showError(`${step}: ${result.error ?? "the call took the failure branch"}`);
  else if (result.emptyBodyNote) void ui.showInformationMessage(`Bot Flow: ${result.emptyBodyNote}`);
  await offerSaveLines(client, document, uri, step, result, typed);
}

/** Which step: the lens's {uri, step}, or the call step at the cursor of the active .flow editor. */
function planParams(ctx: CommandContext, args: readonly unknown[]): { document: vscode.Uri; params: TestCallPlanParams } | undefined {
  const given = readRunTestCallArguments(args);
  if (given) return { document: vscode.Uri.parse(given.uri), params: { uri: given.uri, step: given.step } };
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== LANGUAGE_ID) return undefined;
  const { line, character } = editor.selection.active;
  return { document: editor.document.uri, params: { uri: ctx.client.code2ProtocolConverter.asUri(editor.document.uri), position: { line, character } } };
}
