// "Bot Flow: Show diagram" in VS Code: the webview draws the flow (it reports
// what it drew through botflow.diagram.state), redraws after an edit with the
// new step in it, and follows the cursor to the step under it.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { openFlow, waitFor } from "./helpers";

interface DiagramState {
  version: number;
  ids: string[];
  current?: string;
  renderMs: number;
}

const state = (uri: vscode.Uri) => vscode.commands.executeCommand<DiagramState | undefined>("botflow.diagram.state", uri);

describe("Show diagram", () => {
  it("draws the flow beside it, redraws a typed step and follows the cursor", async () => {
    const doc = await openFlow("order-status.flow");
    const editor = vscode.window.activeTextEditor!;
    await vscode.commands.executeCommand("botflow.showDiagram");
    const drawn = await waitFor("the diagram to be drawn", () => state(doc.uri), (s) => !!s?.ids.includes("call-lookup_order"), 60_000);
    assert.deepEqual(drawn!.ids.slice(0, 4), ["start", "say-18", "ask-19", "call-lookup_order"]);
    assert.ok(vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputWebview && t.label === "Diagram: order-status.flow")), "a diagram tab");

    // A new step typed after the ask appears, and the steps below move down a line.
    const ask = doc.getText().split("\n").findIndex((l) => l.startsWith("ask order_number"));
    await editor.edit((e) => e.insert(new vscode.Position(ask + 1, 0), 'say "A step typed in the editor"\n'));
    const redrawn = await waitFor("the new step in the diagram", () => state(doc.uri), (s) => !!s && s.version === doc.version && s.ids.includes(`say-${ask + 2}`));
    assert.ok(redrawn!.ids.includes("say-32") && !redrawn!.ids.includes("say-31"), redrawn!.ids.join(" "));

    // The cursor on the call's request line highlights the call.
    await vscode.window.showTextDocument(doc, editor.viewColumn);
    const request = doc.getText().split("\n").findIndex((l) => l.includes("GET https://shop.example.com"));
    editor.selection = new vscode.Selection(request, 4, request, 4);
    await waitFor("the call under the cursor to be current", () => state(doc.uri), (s) => s?.current === "call-lookup_order");
    await vscode.commands.executeCommand("workbench.action.files.revert");
  });
});
