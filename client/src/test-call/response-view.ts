// The last response of each step, redacted by the server, in a read-only
// editor beside the flow (a virtual document of the botflow-response scheme).

import * as vscode from "vscode";
import type { RunTestCallResult } from "../../../server/src/protocol";

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

function responseDocuments(extension: vscode.ExtensionContext): ResponseDocuments {
  if (!responses) {
    responses = new ResponseDocuments();
    extension.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(RESPONSE_SCHEME, responses), { dispose: () => (responses = undefined) });
  }
  return responses;
}

export async function showResponse(extension: vscode.ExtensionContext, flow: vscode.Uri, step: string, result: RunTestCallResult): Promise<void> {
  const shown = vscode.Uri.from({ scheme: RESPONSE_SCHEME, path: `/${step} response.http`, query: encodeURIComponent(flow.toString()) });
  responseDocuments(extension).set(shown, formatResponse(step, result));
  const responseDoc = await vscode.workspace.openTextDocument(shown);
  await vscode.window.showTextDocument(responseDoc, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
}

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
  // the server writes the sample (botflow.samples.record); this only says what became of it
  if (result.sample) out.push("", "recorded" in result.sample ? `# Sample recorded: ${result.sample.recorded}` : `# Sample not recorded: ${result.sample.notRecorded}`);
  return `${out.join("\n")}\n`;
}

function pretty(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}
