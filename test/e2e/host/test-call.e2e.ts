// "Run test call" end to end inside VS Code: a loopback HTTPS server with a
// self-signed certificate (trusted only through botflow.testCall.caCertificates
// pointing at a file in the workspace), a temp .flow whose URL points at it,
// the prompts answered by stubbing vscode.window, and the chosen save lines
// checked in the document, then undone in one step.
import * as assert from "node:assert/strict";
import * as path from "node:path";
import * as vscode from "vscode";
import { startHttpsServer, type TestServer } from "../../helpers/https-server";
import { testCertificate } from "../../helpers/certificates";
import { EXTENSION_ID, codeLenses, workspaceRoot, waitFor } from "./helpers";

const TOKEN = `e2e-token-${"Qw3".repeat(30)}`;
const ENV_NAME = "BOTFLOW_E2E_TOKEN";
const SECRET_KEY = "e2e_key";
const STORED_SECRET = `stored-${"Mn8".repeat(30)}`;

type Window = typeof vscode.window;
type Stubbable = Pick<Window, "showInputBox" | "showQuickPick" | "showInformationMessage" | "showErrorMessage">;

describe("Run test call in VS Code", function () {
  this.timeout(60_000);
  let server: TestServer;
  let flowUri: vscode.Uri;
  let original: Stubbable;
  let uiOriginal: Record<string, unknown> | undefined;
  const asked: string[] = [];
  const errors: string[] = [];
  let quickPickItems: readonly vscode.QuickPickItem[] = [];

  const flowText = (origin: string) => `flow "E2E test call"

connection shop {
  bearer env ${ENV_NAME}
}

ask order_number "What is your order number?"
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
      return options?.password ? STORED_SECRET : "1001";
    }) as Window["showInputBox"];
    // Many: the fields to save; one: the secret key of Set connection secret.
    w.showQuickPick = (async (items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>, options?: vscode.QuickPickOptions) => {
      const list = await items;
      if (!options?.canPickMany) return list.find((i) => i.label === SECRET_KEY);
      quickPickItems = list;
      return list.filter((i) => i.label === "order.id" || i.label === "items[0].sku");
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

    // Against the installed VSIX the extension has its own copy of the `vscode`
    // API, which these assignments do not reach: answer through the prompts
    // object it returns from activate() instead (client/src/ui.ts).
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    await ext?.activate();
    const api = ext?.exports as { ui?: Record<string, unknown> } | undefined;
    if (ext && api?.ui && !__dirname.startsWith(ext.extensionPath + path.sep)) {
      uiOriginal = { ...api.ui };
      Object.assign(api.ui, {
        showInputBox: w.showInputBox,
        pickMany: (items: vscode.QuickPickItem[], options: vscode.QuickPickOptions) => w.showQuickPick(items, { ...options, canPickMany: true }),
        pickOne: w.showQuickPick,
        showInformationMessage: w.showInformationMessage,
        showErrorMessage: w.showErrorMessage,
      });
    }
  });

  after(async () => {
    const w = vscode.window as unknown as Stubbable;
    if (original) Object.assign(w, original);
    const api = vscode.extensions.getExtension(EXTENSION_ID)?.exports as { ui?: Record<string, unknown> } | undefined;
    if (uiOriginal && api?.ui) Object.assign(api.ui, uiOriginal);
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
    // botflow.samples.record is on by default: the server kept the response as the step's sample.
    assert.match(shown.getText(), /^# Sample recorded: \.botflow\/samples\/e2e-test-call\/lookup\.json$/m);
    const sample = Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(workspaceRoot(), ".botflow", "samples", "e2e-test-call", "lookup.json"))).toString("utf8");
    assert.ok(!sample.includes(TOKEN), "the token is in the sample file");
    assert.deepEqual(JSON.parse(sample).body.order, { id: 1001, status: "shipped", note: null });

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

  it("a flow with a recorded sample: the lens says when, and save paths are checked against it", async () => {
    const root = workspaceRoot();
    const recorded = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(root, ".botflow", "samples", "e2e-test-call", "lookup.json"));
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(root, ".botflow", "samples", "e2e-sample-lens"));
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(root, ".botflow", "samples", "e2e-sample-lens", "lookup.json"), recorded);
    const uri = vscode.Uri.joinPath(root, "e2e-sample-lens.flow");
    await vscode.workspace.fs.writeFile(uri, Buffer.from(flowText(server.origin).replace('  header "Accept" "application/json"\n', '  header "Accept" "application/json"\n  save state = order.staus\n')));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await waitFor(
      "lens title from the sample",
      async () => (await codeLenses(doc.uri, 1))[0].command?.title,
      (title) => title === "Run test call · 200 OK · recorded just now",
    );
    const missing = await waitFor(
      "save-path-missing from the sample",
      () => vscode.languages.getDiagnostics(doc.uri).filter((d) => d.code === "save-path-missing" || (typeof d.code === "object" && d.code.value === "save-path-missing")),
      (list) => list.length === 1,
    );
    assert.match(missing[0].message, /order\.staus/);
    await vscode.commands.executeCommand("workbench.action.closeActiveEditor");
  });

  it("fails in one line when the certificate is not trusted", async () => {
    await vscode.workspace.getConfiguration("botflow").update("testCall.caCertificates", [], vscode.ConfigurationTarget.Workspace);
    errors.length = 0;
    const doc = await vscode.workspace.openTextDocument(flowUri);
    const editor = await vscode.window.showTextDocument(doc);
    const text = doc.getText();
    // From the command palette: no arguments, the call step around the cursor.
    const inside = doc.positionAt(text.indexOf("connection shop\n  header"));
    editor.selection = new vscode.Selection(inside, inside);
    await vscode.commands.executeCommand("botflow.runTestCall");
    assert.equal(errors.length, 1, `errors: ${errors.join(" | ")}`);
    assert.match(errors[0], /^Bot Flow: lookup: .*certificate/i);
    assert.ok(!errors[0].includes("\n"));
    assert.equal(doc.getText(), text, "the failed call changed the document");
  });

  it("Set connection secret stores a secret \"key\" that the next test call sends", async () => {
    await vscode.workspace.getConfiguration("botflow").update("testCall.caCertificates", [".e2e/test-ca.pem"], vscode.ConfigurationTarget.Workspace);
    errors.length = 0;
    const uri = vscode.Uri.joinPath(workspaceRoot(), "e2e-secret.flow");
    await vscode.workspace.fs.writeFile(uri, Buffer.from(`connection crm {
  bearer secret "${SECRET_KEY}"
}

call find "Find" {
  GET ${server.origin}/contacts
  connection crm
}
`));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await codeLenses(doc.uri, 1);
    await vscode.commands.executeCommand("botflow.setConnectionSecret");
    const before = server.requests.length;
    const text = doc.getText();
    await vscode.commands.executeCommand("botflow.runTestCall", { uri: doc.uri.toString(), step: "find" });
    assert.deepEqual(errors, []);
    assert.equal(server.requests.length, before + 1);
    assert.equal(server.requests[before].headers.find(([n]) => n.toLowerCase() === "authorization")?.[1], `Bearer ${STORED_SECRET}`);
    const shown = vscode.workspace.textDocuments.filter((d) => d.uri.scheme === "botflow-response").map((d) => d.getText()).join("\n");
    assert.ok(!shown.includes(STORED_SECRET), "the stored secret is shown");
    // The picked fields went in; put the file back.
    assert.ok(doc.getText().includes("save id = order.id"), doc.getText());
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand("undo");
    assert.equal(doc.getText(), text);
  });

  it("Run this flow sends the stored secret and trusts the CA setting in its terminal", async () => {
    const uri = vscode.Uri.joinPath(workspaceRoot(), "e2e-run-secret.flow");
    await vscode.workspace.fs.writeFile(uri, Buffer.from(`connection crm {
  bearer secret "${SECRET_KEY}"
}

call find "Find" {
  GET ${server.origin}/contacts
  connection crm
  save status = order.status
  on success {
    say "Order is {{status}}"
  }
}
end
`));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const before = server.requests.length;
    await vscode.commands.executeCommand("botflow.runFlow");
    const terminal = await waitFor("the run's terminal", () => vscode.window.terminals.find((t) => t.name === "Bot Flow: e2e-run-secret.flow"), (t) => !!t);
    // The server answering is the sign the run got through its call; then Enter closes the terminal.
    await waitFor("the run's request", () => server.requests.length, (n) => n > before, 30_000);
    terminal!.sendText("", true);
    const status = await waitFor("the run to end", () => terminal!.exitStatus, (s) => !!s, 30_000);
    assert.equal(status!.code, 0);
    assert.equal(server.requests[before].headers.find(([n]) => n.toLowerCase() === "authorization")?.[1], `Bearer ${STORED_SECRET}`);
  });
});
