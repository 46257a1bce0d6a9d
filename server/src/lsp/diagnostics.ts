// Pushes diagnostics: at once when a document opens, and for edits as
// core/timing/edit-throttle.ts decides (a lone edit at once, a burst at most
// once per `debounceMs` and after its last edit). A result whose document
// changed meanwhile is dropped; every publish carries the version it was
// computed for.

import { DiagnosticSeverity, type Connection, type Diagnostic as LspDiagnostic } from "vscode-languageserver/node";
import { EditThrottle, type Timers } from "../core/index";
import { toLspDiagnostic } from "./convert";
import type { FlowDocuments } from "./documents";

export class DiagnosticsScheduler {
  /** One throttle per open document that has been checked or is waiting for it. */
  private readonly throttles = new Map<string, EditThrottle>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: FlowDocuments,
    private readonly debounceMs: () => number,
    private readonly timers: Timers,
  ) {}

  /** Check soon: at once for a newly opened document, for an edit as the throttle decides. */
  schedule(uri: string, immediate: boolean): void {
    let throttle = this.throttles.get(uri);
    if (!throttle) {
      throttle = new EditThrottle(() => this.run(uri), this.debounceMs, this.timers);
      this.throttles.set(uri, throttle);
    }
    throttle.poke(immediate);
  }

  cancel(uri: string): void {
    this.throttles.get(uri)?.cancel();
  }

  /** A closed document keeps no diagnostics in the editor. */
  clear(uri: string): void {
    this.cancel(uri);
    this.throttles.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private run(uri: string): void {
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
