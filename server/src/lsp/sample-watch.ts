// Keeping the open documents' samples current: read when a document opens,
// again when the client reports a sample file changed (registered for
// SAMPLE_GLOB when the client can watch files), and after each reload the
// document is checked again and the lenses refreshed.

import { CodeLensRefreshRequest, DidChangeWatchedFilesNotification, type Connection } from "vscode-languageserver/node";
import type { ClientSupport } from "./capabilities";
import type { DiagnosticsScheduler } from "./diagnostics";
import type { FlowDocuments } from "./documents";
import { flowUriOf, SAMPLE_GLOB, type SampleStore } from "./samples";

export interface SampleWatchDeps {
  connection: Connection;
  documents: FlowDocuments;
  diagnostics: DiagnosticsScheduler;
  samples: SampleStore;
  support: () => ClientSupport;
}

/** What the store tells when a document's samples changed: check it again, refresh lenses. */
export function onSamplesChanged({ connection, documents, diagnostics, support }: Omit<SampleWatchDeps, "samples">): (uri: string) => void {
  return (uri) => {
    if (documents.version(uri) === undefined) return;
    documents.dropDiagnostics(uri);
    diagnostics.schedule(uri, true);
    if (support().codeLensRefresh) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  };
}

/** Returns what to do once the client is initialized (connection.onInitialized takes one handler: the server's). */
export function watchSamples({ connection, documents, samples, support }: SampleWatchDeps): () => void {
  documents.open.onDidOpen((e) => void samples.reload(e.document.uri));
  documents.open.onDidClose((e) => samples.forget(e.document.uri));
  connection.onDidChangeWatchedFiles(({ changes }) => {
    const flows = new Set(changes.flatMap((c) => flowUriOf(c.uri) ?? []));
    for (const uri of flows) if (documents.version(uri) !== undefined) void samples.reload(uri);
  });
  return () => {
    if (support().watchedFiles) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: SAMPLE_GLOB }] }).catch(() => undefined);
  };
}
