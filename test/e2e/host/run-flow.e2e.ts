// "Bot Flow: Run this flow" in VS Code: the command opens a terminal that runs
// the bundled CLI on the file (`botflow run`). The terminal's exit status is
// the CLI's: 0 for a flow that ends normally, 1 for a file with errors.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { openFlow, waitFor, workspaceRoot } from "./helpers";

async function runInTerminal(name: string): Promise<number | undefined> {
  await openFlow(name);
  await vscode.commands.executeCommand("botflow.runFlow");
  const terminal = await waitFor(`the "Bot Flow: ${name}" terminal`, () => vscode.window.terminals.find((t) => t.name === `Bot Flow: ${name}`), (t) => !!t);
  // The launcher keeps the terminal open until Enter, so the conversation stays readable.
  terminal!.sendText("", true);
  const status = await waitFor(`${name}'s run to end`, () => terminal!.exitStatus, (s) => !!s, 30_000);
  return status!.code;
}

describe("Run this flow", () => {
  it("plays a flow in a terminal with the bundled CLI and exits 0", async () => {
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(workspaceRoot(), "e2e-run.flow"), Buffer.from('say "Hello from the e2e test"\nend\n'));
    assert.equal(await runInTerminal("e2e-run.flow"), 0);
  });

  it("refuses a file with errors (exit 1)", async () => {
    assert.equal(await runInTerminal("broken.flow"), 1);
  });
});
