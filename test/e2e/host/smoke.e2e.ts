// Smoke test: proves mocha runs inside a real extension host with a folder
// open. Everything else in this folder can assume the harness works.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";

describe("extension host smoke", () => {
  it("has the workspace folder open", () => {
    const folders = vscode.workspace.workspaceFolders;
    assert.ok(folders && folders.length > 0, "no workspace folder");
  });

  it("sees extensions", () => {
    assert.ok(vscode.extensions.all.length > 0, "vscode.extensions.all is empty");
  });
});
