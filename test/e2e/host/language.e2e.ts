// The language features as VS Code shows them: language detection, the
// server's diagnostics (spec codes, exact ranges), completion, hover and the
// "Run test call" lens, all through VS Code's own commands and APIs.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { EXTENSION_ID, codeLenses, codeOf, openFlow, waitFor } from "./helpers";

describe("language features in VS Code", () => {
  it("detects *.flow as Bot Flow and activates the extension", async () => {
    // Activation time as VS Code counts it: loading dist/client.js and running activate().
    const early = vscode.extensions.getExtension(EXTENSION_ID);
    if (early && !early.isActive) {
      const start = performance.now();
      await early.activate();
      console.log(`      activation: ${(performance.now() - start).toFixed(0)} ms (load + activate())`);
    }
    const doc = await openFlow("order-status.flow");
    assert.equal(doc.languageId, "botflow");
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} not found`);
    await waitFor("activation", () => ext.isActive, (a) => a);
    console.log(`      extension under test: ${ext.extensionPath}`);
  });

  it("publishes broken.flow's diagnostics with the spec's codes and exact ranges", async () => {
    const doc = await openFlow("broken.flow");
    const diagnostics = await waitFor("broken.flow diagnostics", () => vscode.languages.getDiagnostics(doc.uri), (d) => d.length >= 20);
    const codes = new Set(diagnostics.map(codeOf));
    for (const code of ["syntax", "url-scheme", "var-in-domain", "var-in-query-key", "var-in-fragment", "period-in-path-var", "json-invalid", "too-many-saves", "unknown-step", "unreachable"]) {
      assert.ok(codes.has(code), `no ${code} diagnostic; got ${[...codes].join(", ")}`);
    }
    const find = (code: string) => diagnostics.find((d) => codeOf(d) === code)!;
    // `http` in `  GET http://shop.example.com/orders/{{OrderNumber}}` (line 22)
    const scheme = find("url-scheme");
    assert.deepEqual([scheme.range.start.line, scheme.range.start.character, scheme.range.end.line, scheme.range.end.character], [21, 6, 21, 10]);
    assert.equal(doc.getText(scheme.range), "http");
    assert.equal(scheme.severity, vscode.DiagnosticSeverity.Error);
    // `{{tenant}}` in the host of `GET https://{{tenant}}.example.com/orders`
    const domain = find("var-in-domain");
    assert.deepEqual([domain.range.start.line, domain.range.start.character, domain.range.end.line, domain.range.end.character], [37, 14, 37, 24]);
    assert.equal(doc.getText(domain.range), "{{tenant}}");
    const unreachable = find("unreachable");
    assert.equal(doc.getText(unreachable.range), 'say "Bye"');
    assert.equal(unreachable.severity, vscode.DiagnosticSeverity.Warning);
    for (const d of diagnostics) assert.equal(d.source, "botflow");
  });

  it("answers completion with the statement keywords", async () => {
    const doc = await vscode.workspace.openTextDocument({ language: "botflow", content: 'flow "x"\n\n' });
    await vscode.window.showTextDocument(doc);
    const list = await waitFor(
      "completion items",
      () => vscode.commands.executeCommand<vscode.CompletionList>("vscode.executeCompletionItemProvider", doc.uri, new vscode.Position(1, 0)),
      (l) => !!l && l.items.length > 0,
    );
    const labels = list.items.map((i) => (typeof i.label === "string" ? i.label : i.label.label));
    for (const keyword of ["say", "ask", "call"]) assert.ok(labels.includes(keyword), `no ${keyword} in ${labels.join(", ")}`);
    // Close the untitled document without a save prompt.
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand("workbench.action.revertAndCloseActiveEditor");
  });

  it("answers hover on a variable use", async () => {
    const doc = await openFlow("order-status.flow");
    const offset = doc.getText().indexOf("{{order_status}}") + 4;
    const hovers = await waitFor(
      "hover",
      () => vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", doc.uri, doc.positionAt(offset)),
      (h) => Array.isArray(h) && h.length > 0,
    );
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === "string" ? c : c.value))).join("\n");
    assert.match(text, /order_status/);
  });

  it("puts a Run test call lens on each call step", async () => {
    const doc = await openFlow("crm-lookup.flow");
    const lenses = await codeLenses(doc.uri, 2);
    assert.equal(lenses.length, 2);
    for (const lens of lenses) {
      assert.equal(lens.command?.command, "botflow.runTestCall");
      assert.equal(lens.command?.title, "Run test call");
    }
    const steps = lenses.map((l) => (l.command?.arguments?.[0] as { step: string } | undefined)?.step);
    assert.deepEqual(steps, ["find_contact", "list_deals"]);
    assert.deepEqual(lenses.map((l) => l.range.start.line), [20, 40]);
  });
});
