// "Bot Flow: Run test call": the client side only. The language server builds
// and sends the request through the core (botflow/runTestCall); here we
// gather what only the editor has — values the person types, secrets from
// VS Code's secret storage or the environment, CA files named in settings —
// then show the redacted response and insert the chosen `save` lines (and
// typed values as `test` lines) as one undoable edit computed by the server.
// Secret values are never logged nor shown.

import * as vscode from "vscode";
import { readFile } from "node:fs/promises";
import * as path from "node:path";
import { Trace } from "vscode-languageclient/node";
import {
  LANGUAGE_ID, RUN_TEST_CALL_REQUEST, SAVE_LINES_EDIT_REQUEST, SETTINGS_SECTION, TEST_CALL_PLAN_REQUEST, readRunTestCallArguments, secretSourceKey,
  type RunTestCallParams, type RunTestCallResult, type SaveLinesEditParams, type SaveLinesEditResult, type TestCallPlan, type TestCallPlanParams,
} from "../../../server/src/protocol";
import type { CommandContext } from "./index";
import { ui } from "../ui";
import { testCallSettings } from "../test-call-settings";

export const RESPONSE_SCHEME = "botflow-response";

/** Read-only documents showing the last response of each step. */
class ResponseDocuments implements vscode.TextDocumentContentProvider {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? "";
  }

  set(uri: vscode.Uri, text: string): void {
    this.contents.set(uri.toString(), text);
    this.changed.fire(uri);
  }
}

let responses: ResponseDocuments | undefined;

function responseDocuments(ctx: CommandContext): ResponseDocuments {
  if (!responses) {
    responses = new ResponseDocuments();
    ctx.extension.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(RESPONSE_SCHEME, responses), { dispose: () => (responses = undefined) });
  }
  return responses;
}

const error = (message: string) => void ui.showErrorMessage(`Bot Flow: ${message}`);

export async function runTestCall(ctx: CommandContext, ...args: unknown[]): Promise<void> {
  const { client } = ctx;
  // 1. Which step: the lens's {uri, step}, or the call step at the cursor.
  const given = readRunTestCallArguments(args);
  let planParams: TestCallPlanParams;
  let documentUri: vscode.Uri;
  if (given) {
    documentUri = vscode.Uri.parse(given.uri);
    planParams = { uri: given.uri, step: given.step };
  } else {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== LANGUAGE_ID) return error("open a .flow file and put the cursor in a call step");
    documentUri = editor.document.uri;
    planParams = { uri: client.code2ProtocolConverter.asUri(documentUri), position: { line: editor.selection.active.line, character: editor.selection.active.character } };
  }
  const document = await vscode.workspace.openTextDocument(documentUri);

  let plan: TestCallPlan;
  try {
    plan = await client.sendRequest<TestCallPlan>(TEST_CALL_PLAN_REQUEST, planParams);
  } catch (e) {
    return error(oneLine(e));
  }
  if (plan.error || !plan.step) return error(plan.error ?? "no call step here");
  const step = plan.step;
  if (plan.blocking.length) {
    return error(`${step} cannot be sent until this is fixed: ${plan.blocking[0]}${plan.blocking.length > 1 ? ` (and ${plan.blocking.length - 1} more)` : ""}`);
  }

  // 2. Test values: the step's test lines, else asked for.
  const typed: Record<string, string> = {};
  for (const variable of plan.variables) {
    if (variable.testValue !== undefined) continue;
    const value = await ui.showInputBox({
      title: `Run test call: ${step}`,
      prompt: `Test value for {{${variable.name}}}`,
      placeHolder: variable.name,
      ignoreFocusOut: true,
    });
    if (value === undefined) return; // cancelled
    typed[variable.name] = value;
  }

  // 3. Secrets: secret storage for `secret "key"`, the environment for `env NAME`.
  const secrets: Record<string, string> = {};
  for (const source of plan.secrets) {
    let value: string | undefined;
    if (source.kind === "env") value = process.env[source.name];
    else {
      value = await ctx.extension.secrets.get(source.key);
      if (!value) {
        value = await ui.showInputBox({
          title: `Run test call: ${step}`,
          prompt: `Secret "${source.key}" is not set. Enter it (kept in VS Code's secret storage):`,
          password: true,
          ignoreFocusOut: true,
        });
        if (value === undefined) return;
        if (value) await ctx.extension.secrets.store(source.key, value);
      }
    }
    if (value) secrets[secretSourceKey(source)] = value;
  }

  // 4. Settings: the time limit and extra CA files (paths relative to the workspace folder).
  const { timeoutMs, caFiles } = testCallSettings(document.uri);
  const caCertificates: string[] = [];
  for (const { file, full } of caFiles) {
    try {
      caCertificates.push(await readFile(full, "utf8"));
    } catch (e) {
      return error(`cannot read the CA certificate ${file} (botflow.testCall.caCertificates): ${(e as NodeJS.ErrnoException).code ?? oneLine(e)}`);
    }
  }

  // 5. The call, in the server; the notification's Cancel aborts it.
  const params: RunTestCallParams = { uri: planParams.uri, step, values: typed, secrets, caCertificates, ...(timeoutMs ? { timeoutMs } : {}) };
  let result: RunTestCallResult | undefined;
  // A verbose protocol trace would print the request's parameters, secrets
  // included, in the output channel: no trace while this request is on the wire.
  const trace = vscode.workspace.getConfiguration(SETTINGS_SECTION, document.uri).get<string>("trace.server");
  const traced = trace === "messages" || trace === "verbose";
  if (traced) await client.setTrace(Trace.Off);
  try {
    result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Bot Flow: calling ${step}…`, cancellable: true },
      (_progress, token) => client.sendRequest<RunTestCallResult>(RUN_TEST_CALL_REQUEST, params, token),
    );
  } catch (e) {
    if (isCancellation(e)) {
      vscode.window.setStatusBarMessage(`Bot Flow: test call of ${step} cancelled`, 5000);
      return;
    }
    return error(oneLine(e));
  } finally {
    if (traced) await client.setTrace(trace === "verbose" ? Trace.Verbose : Trace.Messages);
  }
  if (!result) return;
  if (!result.sent) return error(result.error ?? `${step} could not be sent`);

  // 6. The response, redacted, in a read-only editor beside the flow.
  const shown = vscode.Uri.from({ scheme: RESPONSE_SCHEME, path: `/${step} response.http`, query: encodeURIComponent(document.uri.toString()) });
  responseDocuments(ctx).set(shown, formatResponse(step, result));
  const responseDoc = await vscode.workspace.openTextDocument(shown);
  await vscode.window.showTextDocument(responseDoc, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });

  if (result.branch === "failure") {
    error(`${step}: ${result.error ?? "the call took the failure branch"}`);
  } else if (result.emptyBodyNote) {
    void ui.showInformationMessage(`Bot Flow: ${result.emptyBodyNote}`);
  }

  // 7. Offer to keep the typed values as test lines, and to save fields.
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

  // 8. One edit, computed by the server, applied as one undo step.
  let edit: SaveLinesEditResult;
  try {
    const editParams: SaveLinesEditParams = { uri: planParams.uri, step, paths, ...(tests ? { tests } : {}) };
    edit = await client.sendRequest<SaveLinesEditResult>(SAVE_LINES_EDIT_REQUEST, editParams);
  } catch (e) {
    return error(oneLine(e));
  }
  if (!edit.edits.length) return;
  if (document.version !== edit.version) return error(`${path.basename(document.uri.path)} changed meanwhile: run the test call again`);
  const workspaceEdit = new vscode.WorkspaceEdit();
  for (const e of edit.edits) {
    workspaceEdit.replace(document.uri, new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
  }
  if (!(await vscode.workspace.applyEdit(workspaceEdit))) return error(`the lines could not be inserted into ${path.basename(document.uri.path)}`);
  vscode.window.setStatusBarMessage(`Bot Flow: added ${edit.lines.length} line${edit.lines.length === 1 ? "" : "s"} to ${step}`, 5000);
}

/** A setting's path: absolute, `~/…`, or relative to the document's workspace folder. */
export function formatResponse(step: string, result: RunTestCallResult): string {
  const out: string[] = [];
  const { request, response } = result;
  if (response) out.push(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""} · ${result.durationMs} ms · ${result.branch} branch`);
  else out.push(`No response · ${result.durationMs} ms · failure branch`);
  if (result.error) out.push(`# ${result.error}`);
  out.push("", `### Request (${step})`);
  if (request) {
    out.push(`${request.method} ${request.url}`);
    for (const [name, value] of request.headers) out.push(`${name}: ${value}`);
    if (request.body !== undefined) out.push("", pretty(request.body));
  }
  for (const hop of result.redirects) out.push(`# redirected (${hop.status}) ${hop.from} → ${hop.to}${hop.credentialsDropped ? " (credentials not sent there)" : ""}`);
  if (response) {
    out.push("", "### Response");
    for (const [name, value] of response.headers) out.push(`${name}: ${value}`);
    out.push("", response.body === "" ? "(empty body)" : pretty(response.body));
    if (response.truncated) out.push("", `# truncated after ${response.bodyBytes} bytes`);
  }
  if (result.fields.length) {
    out.push("", "### Fields");
    for (const f of result.fields) out.push(`${f.path} = ${f.value} (${f.type})${f.alreadySavedAs ? ` saved as ${f.alreadySavedAs}` : ""}`);
  }
  if (result.note) out.push("", `# ${result.note}`);
  return `${out.join("\n")}\n`;
}

function pretty(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

function isCancellation(e: unknown): boolean {
  if (e instanceof vscode.CancellationError) return true;
  const code = (e as { code?: unknown } | undefined)?.code;
  return code === -32800 || (e instanceof Error && /cancel/i.test(e.message) && code === undefined);
}

function oneLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split("\n")[0];
}
