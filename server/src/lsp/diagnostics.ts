// Pushes diagnostics: at once when a document opens, and after a short quiet
// time once edits stop (each edit restarts the wait, so a burst of keystrokes
// is checked once). A result whose document changed meanwhile is dropped;
// every publish carries the version it was computed for.

import type { Connection } from "vscode-languageserver/node";
import { toLspDiagnostic } from "./convert";
import type { FlowDocuments } from "./documents";

export class DiagnosticsScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: FlowDocuments,
    private readonly debounceMs: () => number,
  ) {}

  /** Check soon: at once for a newly opened document, after the debounce for an edit. */
  schedule(uri: string, immediate: boolean): void {
    this.cancel(uri);
    this.timers.set(uri, setTimeout(() => this.run(uri), immediate ? 0 : this.debounceMs()));
  }

  cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }

  /** A closed document keeps no diagnostics in the editor. */
  clear(uri: string): void {
    this.cancel(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private run(uri: string): void {
    this.timers.delete(uri);
    const result = this.documents.diagnostics(uri);
    if (!result || this.documents.version(uri) !== result.version) return;
    const { lines } = result.document;
    void this.connection.sendDiagnostics({ uri, version: result.version, diagnostics: result.diagnostics.map((d) => toLspDiagnostic(lines, d)) });
  }
}
