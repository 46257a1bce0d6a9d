// Pushes diagnostics: at once when a document opens, and after a short quiet
// time once edits stop (each edit restarts the wait, so a burst of keystrokes
// is checked once). A result whose document changed meanwhile is dropped;
// every publish carries the version it was computed for.

import { DiagnosticSeverity, type Connection, type Diagnostic as LspDiagnostic } from "vscode-languageserver/node";
import type { Timers } from "../core/index";
import { toLspDiagnostic } from "./convert";
import type { FlowDocuments } from "./documents";

interface Pending {
  timer: unknown;
  version: number;
  immediate: boolean;
}

export class DiagnosticsScheduler {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: FlowDocuments,
    private readonly debounceMs: () => number,
    private readonly timers: Timers,
  ) {}

  /** Check soon: at once for a newly opened document, after the debounce for an edit. */
  schedule(uri: string, version: number, immediate: boolean): void {
    // Opening a document also reports a content change of the same version: keep the immediate check.
    const pending = this.pending.get(uri);
    if (pending?.immediate && pending.version === version) return;
    this.cancel(uri);
    this.pending.set(uri, { timer: this.timers.setTimeout(() => this.run(uri), immediate ? 0 : this.debounceMs()), version, immediate });
  }

  cancel(uri: string): void {
    const pending = this.pending.get(uri);
    if (pending) this.timers.clearTimeout(pending.timer);
    this.pending.delete(uri);
  }

  /** A closed document keeps no diagnostics in the editor. */
  clear(uri: string): void {
    this.cancel(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private run(uri: string): void {
    this.pending.delete(uri);
    let result: ReturnType<FlowDocuments["diagnostics"]>;
    try {
      result = this.documents.diagnostics(uri, false);
    } catch (error) {
      // Belt and braces: the core never throws on text, but if it did, the document says so and
      // every other document is still served.
      this.reportFailure(uri, error);
      return;
    }
    if (!result || this.documents.version(uri) !== result.version) return;
    const { lines } = result.document;
    void this.connection.sendDiagnostics({ uri, version: result.version, diagnostics: result.diagnostics.map((d) => toLspDiagnostic(lines, d)) });
  }

  /** One diagnostic on the document and one log line: the check failed on this text. */
  private reportFailure(uri: string, error: unknown): void {
    const version = this.documents.version(uri);
    this.connection.console.error(`checking ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    const diagnostic: LspDiagnostic = {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: DiagnosticSeverity.Error,
      code: "internal",
      source: "botflow",
      message: "Bot Flow could not check this file (an internal error, logged in the Bot Flow output); the other files are still checked",
    };
    void this.connection.sendDiagnostics({ uri, ...(version === undefined ? {} : { version }), diagnostics: [diagnostic] });
  }
}
