// Sends botflow/runTestCall with a cancellable progress notification. A
// verbose protocol trace would print the request's parameters, secrets
// included, in the output channel: no trace while this request is on the wire.

import * as vscode from "vscode";
import { Trace, type LanguageClient } from "vscode-languageclient/node";
import { RUN_TEST_CALL_REQUEST, SETTINGS_SECTION, type RunTestCallParams, type RunTestCallResult } from "../../../server/src/protocol";

export type Sent = { ok: true; result: RunTestCallResult } | { ok: false; cancelled: true } | { ok: false; cancelled: false; error: unknown };

export async function sendTestCall(client: LanguageClient, flow: vscode.Uri, params: RunTestCallParams): Promise<Sent> {
  const trace = vscode.workspace.getConfiguration(SETTINGS_SECTION, flow).get<string>("trace.server");
  const traced = trace === "messages" || trace === "verbose";
  if (traced) await client.setTrace(Trace.Off);
  try {
    const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Bot Flow: calling ${params.step}…`, cancellable: true }, (_progress, token) =>
      client.sendRequest<RunTestCallResult>(RUN_TEST_CALL_REQUEST, params, token),
    );
    return { ok: true, result };
  } catch (e) {
    return isCancellation(e) ? { ok: false, cancelled: true } : { ok: false, cancelled: false, error: e };
  } finally {
    if (traced) await client.setTrace(trace === "verbose" ? Trace.Verbose : Trace.Messages);
  }
}

function isCancellation(e: unknown): boolean {
  if (e instanceof vscode.CancellationError) return true;
  const code = (e as { code?: unknown } | undefined)?.code;
  return code === -32800 || (e instanceof Error && /cancel/i.test(e.message) && code === undefined);
}
