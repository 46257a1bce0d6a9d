// One diagram webview per .flow document, beside its editor. Follows edits
// (throttled as the diagnostics are: a lone edit redraws at once; stale
// answers dropped), the cursor (highlights its step) and
// test-call results (botflow/graphChanged); a click on a node reveals the
// step's line; Export SVG saves the drawing the server made.

import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { GRAPH_CHANGED_NOTIFICATION, GRAPH_REQUEST, type GraphResult } from "../../../server/src/protocol";
import { diagramHtml } from "./diagram-html";
import type { FromWebview, ToWebview } from "./messages";
import { nodeAt } from "./node-at";
import { EditThrottle } from "../../../server/src/core/timing/edit-throttle";
import { nodeTimers } from "../../../server/src/runtime/node-timers";

/** As the diagnostics' default quiet time: the diagram redraws as soon as the checks do. */
const QUIET_MS = 50;

/** What a diagram last put on screen (for tests and the bench, through botflow.diagram.state). */
export interface DiagramState {
  version: number;
  ids: string[];
  current?: string;
  renderMs: number;
}

export class DiagramPanel {
  private static readonly open = new Map<string, DiagramPanel>();
  private readonly disposables: vscode.Disposable[] = [];
  private last: GraphResult | undefined;
  private rendered: DiagramState | undefined;
  private readonly redraw = new EditThrottle(() => void this.refresh(), () => QUIET_MS, nodeTimers);
  private asked = 0;

  static show(extensionUri: vscode.Uri, client: LanguageClient, document: vscode.TextDocument): DiagramPanel {
    const key = document.uri.toString();
    const existing = DiagramPanel.open.get(key);
    if (existing) {
      existing.panel.reveal(vscode.ViewColumn.Beside, true);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel("botflow.diagram", `Diagram: ${document.uri.path.split("/").pop()}`, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, "dist")],
    });
    const created = new DiagramPanel(panel, client, document, extensionUri);
    DiagramPanel.open.set(key, created);
    return created;
  }

  static stateOf(uri: string): DiagramState | undefined {
    return DiagramPanel.open.get(uri)?.rendered;
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly client: LanguageClient,
    private document: vscode.TextDocument,
    extensionUri: vscode.Uri,
  ) {
    panel.webview.html = diagramHtml(panel.webview, extensionUri, panel.title);
    const uri = document.uri.toString();
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m: FromWebview) => this.received(m)),
      // By URI: a document closed and opened again is a new object.
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.toString() !== uri) return;
        this.document = e.document;
        this.schedule();
      }),
      vscode.workspace.onDidOpenTextDocument((d) => {
        if (d.uri.toString() !== uri) return;
        this.document = d;
        this.schedule();
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor.document.uri.toString() === uri) this.post({ type: "cursor", id: this.nodeAtCursor(e.selections[0].active) });
      }),
      client.onNotification(GRAPH_CHANGED_NOTIFICATION, (p: { uri?: string }) => {
        if (p?.uri === uri) this.schedule();
      }),
    );
    panel.onDidDispose(() => this.dispose());
  }

  private received(message: FromWebview): void {
    if (message.type === "ready") void this.refresh();
    else if (message.type === "reveal") void this.reveal(message.id);
    else if (message.type === "export") void this.export();
    else if (message.type === "rendered") this.rendered = { version: message.version, ids: message.ids, renderMs: message.ms, current: this.rendered?.current };
  }

  private schedule(): void {
    this.redraw.poke();
  }

  private async refresh(): Promise<void> {
    const ask = ++this.asked;
    let result: GraphResult;
    try {
      result = await this.client.sendRequest<GraphResult>(GRAPH_REQUEST, { uri: this.document.uri.toString() });
    } catch (error) {
      if (ask === this.asked) this.post({ type: "error", message: `The diagram could not be drawn: ${error instanceof Error ? error.message : String(error)}` });
      return;
    }
    // A later request is on its way, or the text moved on (its change schedules another).
    if (ask !== this.asked || result.version < this.document.version) return;
    this.last = result;
    const notice = result.hidden ? `Large flow: ${result.hidden} of ${result.steps} steps are in collapsed boxes` : undefined;
    const current = this.cursorNode();
    this.post({ type: "graph", version: result.version, svg: result.svg, nodes: result.nodes, notice, current });
  }

  private cursorNode(): string | undefined {
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.document.uri.toString());
    return editor ? this.nodeAtCursor(editor.selection.active) : undefined;
  }

  private nodeAtCursor(position: vscode.Position): string | undefined {
    const id = this.last ? nodeAt(this.last.nodes, position)?.id : undefined;
    if (this.rendered) this.rendered.current = id;
    return id;
  }

  private async reveal(id: string): Promise<void> {
    const node = this.last?.nodes.find((n) => n.id === id);
    if (!node) return;
    const start = new vscode.Position(node.range.start.line, node.range.start.character);
    const column = vscode.window.visibleTextEditors.find((e) => e.document === this.document)?.viewColumn ?? vscode.ViewColumn.One;
    const editor = await vscode.window.showTextDocument(this.document, { viewColumn: column, selection: new vscode.Range(start, start) });
    editor.revealRange(new vscode.Range(start, start), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private async export(): Promise<void> {
    if (!this.last) return;
    const target = await vscode.window.showSaveDialog({
      defaultUri: this.document.uri.with({ path: this.document.uri.path.replace(/\.flow$/, "") + ".svg" }),
      filters: { SVG: ["svg"] },
    });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(this.last.svg));
    void vscode.window.showInformationMessage(`Bot Flow: diagram saved to ${vscode.workspace.asRelativePath(target)}`);
  }

  private post(message: ToWebview): void {
    void this.panel.webview.postMessage(message);
  }

  private dispose(): void {
    this.redraw.cancel();
    DiagramPanel.open.delete(this.document.uri.toString());
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
