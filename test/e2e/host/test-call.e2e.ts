// "Run test call" end to end inside VS Code: a loopback HTTPS server with a
// self-signed certificate (trusted only through botflow.testCall.caCertificates
// pointing at a file in the workspace), a temp .flow whose URL points at it,
// the prompts answered by stubbing vscode.window, and the chosen save lines
// checked in the document, then undone in one step.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { startHttpsServer, type TestServer } from "../../helpers/https-server";
import { testCertificate } from "../../helpers/certificates";
import { codeLenses, workspaceRoot, waitFor } from "./helpers";

const TOKEN = `e2e-token-${"Qw3".repeat(30)}`;
const ENV_NAME = "BOTFLOW_E2E_TOKEN";

type Window = typeof vscode.window;
type Stubbable = Pick<Window, "showInputBox" | "showQuickPick" | "showInformationMessage" | "showErrorMessage">;

describe("Run test call in VS Code", function () {
  this.timeout(60_000);
  let server: TestServer;
  let flowUri: vscode.Uri;
  let original: Stubbable;
  const asked: string[] = [];
  const errors: string[] = [];
  let quickPickItems: readonly vscode.QuickPickItem[] = [];

  const flowText = (origin: string) => `flow "E2E test call"

connection shop {
  bearer env ${ENV_NAME}
}

call lookup "Look up order" {
  GET ${origin}/orders/{{order_number}}
  connection shop
  header "Accept" "application/json"
  on success {
    say "ok"
  }
  on failure {
    handoff
  }
}
`;

  before(async () => {
    server = await startHttpsServer();
    server.respond = (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ order: { id: 1001, status: "shipped", note: null }, items: [{ sku: "A1" }] }));
    };
    process.env[ENV_NAME] = TOKEN;
    const root = workspaceRoot();
    const certUri = vscode.Uri.joinPath(root, ".e2e", "test-ca.pem");
    await vscode.workspace.fs.writeFile(certUri, Buffer.from((await testCertificate()).cert));
    await vscode.workspace.getConfiguration("botflow").update("testCall.caCertificates", [".e2e/test-ca.pem"], vscode.ConfigurationTarget.Workspace);
    flowUri = vscode.Uri.joinPath(root, "e2e-test-call.flow");
    await vscode.workspace.fs.writeFile(flowUri, Buffer.from(flowText(server.origin)));

    const w = vscode.window as unknown as Stubbable;
    original = { showInputBox: w.showInputBox, showQuickPick: w.showQuickPick, showInformationMessage: w.showInformationMessage, showErrorMessage: w.showErrorMessage };
    w.showInputBox = (async (options?: vscode.InputBoxOptions) => {
      asked.push(options?.prompt ?? "");
      return "1001";
    }) as Window["showInputBox"];
    w.showQuickPick = (async (items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>) => {
      quickPickItems = await items;
      return quickPickItems.filter((i) => i.label === "order.id" || i.label === "items[0].sku");
    }) as unknown as Window["showQuickPick"];
    w.showInformationMessage = (async (message: string, ...rest: unknown[]) => {
      asked.push(message);
      // Accept the offer to keep typed values as test lines.
      return rest.find((r) => r === "Write test lines");
    }) as unknown as Window["showInformationMessage"];
    w.showErrorMessage = (async (message: string) => {
      errors.push(message);
      return undefined;
    }) as unknown as Window["showErrorMessage"];
  });

  after(async () => {
    const w = vscode.window as unknown as Stubbable;
    if (original) Object.assign(w, original);
    delete process.env[ENV_NAME];
    await vscode.commands.executeCommand("workbench.action.closeAllEditors");
    await vscode.workspace.getConfiguration("botflow").update("testCall.caCertificates", undefined, vscode.ConfigurationTarget.Workspace);
    await server?.close();
  });

  it("runs the call in the server, inserts the chosen save lines as one undoable edit", async () => {
    const doc = await vscode.workspace.openTextDocument(flowUri);
    const editor = await vscode.window.showTextDocument(doc);
    const before = doc.getText();
    const [lens] = await codeLenses(doc.uri, 1);
    assert.equal(lens.command?.title, "Run test call");

    await vscode.commands.executeCommand("botflow.runTestCall", ...(lens.command?.arguments ?? []));

    assert.deepEqual(errors, []);
    // The request reached the server with the real token and the typed value.
    assert.equal(server.requests.length, 1);
    assert.equal(server.requests[0].target, "/orders/1001");
    assert.equal(server.requests[0].headers.find(([n]) => n.toLowerCase() === "authorization")?.[1], `Bearer ${TOKEN}`);
    assert.ok(asked.some((a) => a.includes("{{order_number}}")), `no prompt for order_number: ${asked.join(" | ")}`);
    // The quick pick listed the fields with sample values.
    const sku = quickPickItems.find((i) => i.label === "items[0].sku");
    assert.ok(sku, `no items[0].sku among ${quickPickItems.map((i) => i.label).join(", ")}`);
    assert.match(sku.description ?? "", /"A1"/);

    const after = doc.getText();
    assert.ok(
      after.includes('  header "Accept" "application/json"\n  save id = order.id\n  save sku = items[0].sku\n  test order_number = "1001"\n  on success {'),
      `unexpected text:\n${after}`,
    );
    // The response view: redacted, never the token.
    const shown = vscode.workspace.textDocuments.find((d) => d.uri.scheme === "botflow-response");
    assert.ok(shown, "no botflow-response document open");
    assert.match(shown.getText(), /HTTP 200 OK/);
    assert.match(shown.getText(), /Bearer ••••/);
    assert.ok(!shown.getText().includes(TOKEN), "the token is shown in the response view");

    // The lens shows the result.
    await waitFor(
      "lens title with the status",
      async () => (await codeLenses(doc.uri, 1))[0].command?.title,
      (title) => typeof title === "string" && /^Run test call · 200 OK · \d+ ms$/.test(title),
    );

    // One undo removes every inserted line.
    await vscode.window.showTextDocument(doc, editor.viewColumn);
    await vscode.commands.executeCommand("undo");
    assert.equal(doc.getText(), before);
    await vscode.commands.executeCommand("redo");
    assert.equal(doc.getText(), after);
    await vscode.commands.executeCommand("undo");
    await doc.save();
  });

  it("fails in one line when the certificate is not trusted", async () => {
    await vscode.workspace.getConfiguration("botflow").update("testCall.caCertificates", [], vscode.ConfigurationTarget.Workspace);
    errors.length = 0;
    const doc = await vscode.workspace.openTextDocument(flowUri);
    await vscode.window.showTextDocument(doc);
    const text = doc.getText();
    await vscode.commands.executeCommand("botflow.runTestCall", { uri: doc.uri.toString(), step: "lookup" });
    assert.equal(errors.length, 1, `errors: ${errors.join(" | ")}`);
    assert.match(errors[0], /^Bot Flow: lookup: .*certificate/i);
    assert.ok(!errors[0].includes("\n"));
    assert.equal(doc.getText(), text, "the failed call changed the document");
  });
});
