// A real LSP client for tests and benches: starts the bundled server
// (`node dist/server.js --stdio`, or another server module for a bench's
// reference) as a child process and speaks JSON-RPC to it. It records
// everything that would show a server problem — stderr output, error/warning
// log messages — so tests can assert there was none, and lets a test wait for
// the diagnostics of one document version (never sleep).

import { execFile, spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from "vscode-jsonrpc/node";
import type {
  ClientCapabilities, InitializeResult, LogMessageParams, PublishDiagnosticsParams, TextDocumentContentChangeEvent,
} from "vscode-languageserver/node";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const SERVER_BUNDLE = resolve(ROOT, "dist/server.js");

let build: Promise<void> | undefined;

/** Bundles once per test process (every LSP test file calls this in `before`). */
export function ensureBuilt(): Promise<void> {
  build ??= promisify(execFile)(process.execPath, ["build.mjs"], { cwd: ROOT }).then(() => undefined);
  return build;
}

/** A JSON-RPC connection over a spawned server's stdio. */
export function stdioConnection(child: ChildProcessWithoutNullStreams): MessageConnection {
  const reader = new StreamMessageReader(child.stdout);
  // A server killed mid-message leaves the reader re-arming its partial-message
  // timer for ever (dispose does not clear it), which kept mocha from exiting.
  reader.partialMessageTimeout = 0;
  return createMessageConnection(reader, new StreamMessageWriter(child.stdin));
}

export const CLIENT_CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, codeLens: { refreshSupport: true }, workspaceEdit: { documentChanges: false } },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    completion: { completionItem: { snippetSupport: true, documentationFormat: ["markdown"] } },
    hover: { contentFormat: ["markdown"] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    rename: { prepareSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ["quickfix"] } } },
    publishDiagnostics: { versionSupport: true, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true },
    semanticTokens: { requests: { full: true }, tokenTypes: [], tokenModifiers: [], formats: ["relative"] },
  },
};

export interface StartOptions {
  /** answers to workspace/configuration, per section */
  settings?: Record<string, unknown>;
  capabilities?: ClientCapabilities;
  /** extra command-line arguments after the bundle (default: --stdio) */
  args?: string[];
  /** the server module `node` runs (default: our bundle, dist/server.js); benches use it for a reference server */
  serverModule?: string;
  /** Node flags for the server process (benches pass what the extension uses) */
  execArgv?: readonly string[];
  /** sent as the initialize request's initializationOptions */
  initializationOptions?: unknown;
}

type Waiter = { matches: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void };

export class LspClient {
  readonly stderr: string[] = [];
  readonly logs: LogMessageParams[] = [];
  /** what the server registered dynamically (client/registerCapability) */
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  readonly diagnostics: PublishDiagnosticsParams[] = [];
  readonly codeLensRefreshes: number[] = [];
  initializeResult!: InitializeResult;
  /** Resolves once the server has asked for its settings (and so gets them before any later message). */
  readonly settingsPulled: Promise<void>;
  private configured!: () => void;
  private waiters: Waiter[] = [];
  private refreshWaiters: (() => void)[] = [];
  private exited: Promise<number | null>;

  private constructor(readonly process: ChildProcessWithoutNullStreams, readonly connection: MessageConnection) {
    this.exited = new Promise((done) => process.on("exit", (code) => done(code)));
    this.settingsPulled = new Promise((done) => (this.configured = done));
  }

  static async start(options: StartOptions = {}): Promise<LspClient> {
    const child = spawn(process.execPath, [...(options.execArgv ?? []), options.serverModule ?? SERVER_BUNDLE, ...(options.args ?? ["--stdio"])], { cwd: ROOT, stdio: "pipe" });
    const connection = stdioConnection(child);
    const client = new LspClient(child, connection);
    child.stderr.on("data", (chunk: Buffer) => client.stderr.push(chunk.toString("utf8")));
    connection.onNotification("window/logMessage", (p: LogMessageParams) => {
      client.logs.push(p);
    });
    connection.onNotification("textDocument/publishDiagnostics", (p: PublishDiagnosticsParams) => client.received(p));
    connection.onRequest("workspace/configuration", (p: { items: { section?: string }[] }) => {
      // Resolved before the answer is written; anything the test sends after awaiting it goes out after the answer.
      client.configured();
      return p.items.map((i) => (i.section ? options.settings?.[i.section] ?? null : null));
    });
    connection.onRequest("workspace/codeLens/refresh", () => {
      client.codeLensRefreshes.push(Date.now());
      for (const waiter of client.refreshWaiters.splice(0)) waiter();
      return null;
    });
    connection.onRequest("client/registerCapability", (p: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      client.registrations.push(...p.registrations);
      return null;
    });
    connection.listen();
    client.initializeResult = await connection.sendRequest("initialize", {
      processId: process.pid, rootUri: null, capabilities: options.capabilities ?? CLIENT_CAPABILITIES, clientInfo: { name: "botflow-tests" },
      ...(options.initializationOptions === undefined ? {} : { initializationOptions: options.initializationOptions }),
    });
    await connection.sendNotification("initialized", {});
    return client;
  }

  /** Server problems: anything on stderr, and error or warning log messages. */
  problems(): string[] {
    return [...this.stderr, ...this.logs.filter((l) => l.type <= 2).map((l) => l.message)];
  }

  open(uri: string, text: string, version = 1, languageId = "botflow"): Promise<void> {
    return this.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: changes });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification("textDocument/didClose", { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params);
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  /** The diagnostics published for exactly this version of the document (already received, or the next). */
  waitForDiagnostics(uri: string, version: number, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    return this.waitForPublish((p) => p.uri === uri && p.version === version, `diagnostics for ${uri} version ${version}`, timeoutMs);
  }

  /** The first publishDiagnostics (already received, or to come) that `matches`. */
  waitForPublish(matches: (p: PublishDiagnosticsParams) => boolean, what = "diagnostics", timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    return this.publishFrom(0, matches, what, timeoutMs);
  }

  /**
   * The first diagnostics published for `uri` after the first `since` publishes of all (`since`: the
   * `diagnostics.length` read before the edit). For servers whose publishes carry no version.
   */
  waitForPublishSince(uri: string, since: number, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    return this.publishFrom(since, (p) => p.uri === uri, `diagnostics for ${uri} after publish #${since}`, timeoutMs);
  }

  private publishFrom(since: number, matches: (p: PublishDiagnosticsParams) => boolean, what: string, timeoutMs: number): Promise<PublishDiagnosticsParams> {
    const known = this.diagnostics.slice(since).find(matches);
    if (known) return Promise.resolve(known);
    return new Promise((resolveWait, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${what} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({ matches, resolve: (p) => {
        clearTimeout(timer);
        resolveWait(p);
      } });
    });
  }

  /** Resolves when the server has asked for its code lenses to be refreshed `count` times in all. */
  waitForCodeLensRefresh(count: number, timeoutMs = 10_000): Promise<void> {
    if (this.codeLensRefreshes.length >= count) return Promise.resolve();
    return new Promise((resolveWait, reject) => {
      const timer = setTimeout(() => reject(new Error(`no code lens refresh #${count} within ${timeoutMs} ms`)), timeoutMs);
      const check = () => {
        if (this.codeLensRefreshes.length >= count) {
          clearTimeout(timer);
          resolveWait();
        } else this.refreshWaiters.push(check);
      };
      check();
    });
  }

  async stop(): Promise<number | null> {
    if (this.process.exitCode === null) {
      try {
        await this.connection.sendRequest("shutdown");
        await this.connection.sendNotification("exit");
      } catch {
        this.process.kill();
      }
    }
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }

  private received(p: PublishDiagnosticsParams): void {
    this.diagnostics.push(p);
    const ready = this.waiters.filter((w) => w.matches(p));
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.resolve(p);
  }
}

export function fileUri(name: string): string {
  return pathToFileURL(resolve(ROOT, name)).toString();
}
