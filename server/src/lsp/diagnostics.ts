// Pushes diagnostics: at once when a document opens, and at once for an edit
// to a document that was not checked in the last `debounceMs`; edits that
// come sooner wait until then, and every edit that arrives while a check is
// waiting joins it. So one keystroke is checked with no wait (a human's
// keystrokes come further apart than the 50 ms default) while a burst of
// edits (a paste, key repeat, a multi-cursor edit) is checked at most once
// per `debounceMs` and once more after its last edit. A result whose
// document changed meanwhile is dropped; every publish carries the version
// it was computed for.

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
  /** When each document's last check ran (performance.now()). */
  private readonly lastRun = new Map<string, number>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: FlowDocuments,
    private readonly debounceMs: () => number,
    private readonly timers: Timers,
  ) {}

  /** Check soon: at once for a newly opened document, for an edit at once or `debounceMs` after the last check. */
  schedule(uri: string, version: number, immediate: boolean): void {
    const pending = this.pending.get(uri);
    // Opening a document also reports a content change of the same version: keep the immediate check.
    if (pending?.immediate && pending.version === version) return;
    // A waiting check reads the document's text when it runs: this edit is in it.
    if (pending && !immediate) {
      pending.version = version;
      return;
    }
    this.cancel(uri);
    const since = performance.now() - (this.lastRun.get(uri) ?? Number.NEGATIVE_INFINITY);
    const wait = immediate ? 0 : Math.max(0, this.debounceMs() - since);
    this.pending.set(uri, { timer: this.timers.setTimeout(() => this.run(uri), wait), version, immediate });
  }

  cancel(uri: string): void {
    const pending = this.pending.get(uri);
    if (pending) this.timers.clearTimeout(pending.timer);
    this.pending.delete(uri);
  }

  /** A closed document keeps no diagnostics in the editor. */
  clear(uri: string): void {
    this.cancel(uri);
    this.lastRun.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private run(uri: string): void {
    this.pending.delete(uri);
    this.lastRun.set(uri, performance.now());
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
