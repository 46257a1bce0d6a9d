import assert from "node:assert/strict";
import { newUri, positionAt, useServer } from "./support";

const FLOW = `ask order "Order?"
call lookup {
  GET https://shop.example.com/orders?id={{order}}
  save status = order.status
  on success {
    say "It is {{status}}."
  }
}
`;

describe("lsp: diagnostics", function () {
  this.timeout(20_000);
  const { client } = useServer();

  it("publishes on open, with code, source, a link to the rule and the version", async () => {
    const uri = newUri();
    const text = `${FLOW}say "{{nope}}"\nask unused "Never used?"\n`;
    await client().open(uri, text, 1);
    const { diagnostics, version } = await client().waitForDiagnostics(uri, 1);
    assert.equal(version, 1);
    const byCode = new Map(diagnostics.map((d) => [d.code, d]));
    const undefinedVar = byCode.get("undefined-var")!;
    assert.equal(undefinedVar.source, "botflow");
    assert.equal(undefinedVar.severity, 1);
    assert.deepEqual(undefinedVar.codeDescription, { href: "https://github.com/botflow/botflow/blob/main/docs/rules.md#undefined-var" });
    const at = text.indexOf("{{nope}}");
    assert.deepEqual(undefinedVar.range, { start: positionAt(text, at), end: positionAt(text, at + 8) });
    const unused = byCode.get("unused-var")!;
    assert.equal(unused.severity, 4);
    assert.deepEqual(unused.tags, [1], "unnecessary tag passed through");
  });

  it("publishes again after an incremental edit, for the edited version", async () => {
    const uri = newUri();
    await client().open(uri, FLOW, 1);
    assert.deepEqual((await client().waitForDiagnostics(uri, 1)).diagnostics, []);
    // Replace `https` with `http` on line 2: one incremental change.
    const line = 2;
    const character = FLOW.split("\n")[line].indexOf("https") + 4;
    await client().change(uri, 2, [{ range: { start: { line, character }, end: { line, character: character + 1 } }, text: "" }]);
    const { diagnostics } = await client().waitForDiagnostics(uri, 2);
    assert.deepEqual(diagnostics.map((d) => d.code), ["url-scheme"]);
    assert.deepEqual(diagnostics[0].range, { start: { line, character: 6 }, end: { line, character: 10 } });
  });

  it("checks a burst of edits once, for the last version", async () => {
    const uri = newUri();
    await client().open(uri, "", 1);
    await client().waitForDiagnostics(uri, 1);
    const typed = 'say "{{x}}"';
    for (let i = 0; i < typed.length; i++) {
      await client().change(uri, i + 2, [{ range: { start: { line: 0, character: i }, end: { line: 0, character: i } }, text: typed[i] }]);
    }
    const last = typed.length + 1;
    const { diagnostics } = await client().waitForDiagnostics(uri, last);
    assert.deepEqual(diagnostics.map((d) => d.code), ["undefined-var"]);
    const versions = client().diagnostics.filter((p) => p.uri === uri).map((p) => p.version!);
    assert.ok(versions.length < typed.length / 2, `expected the burst to be debounced, got versions ${versions.join(",")}`);
    assert.deepEqual([...versions].sort((a, b) => a - b), versions, "a stale result was published after a newer one");
  });

  it("clears the diagnostics of a closed document", async () => {
    const uri = newUri();
    await client().open(uri, 'say "{{nope}}"', 1);
    await client().waitForDiagnostics(uri, 1);
    const seen = client().diagnostics.length;
    const cleared = client().waitForPublish((p) => p.uri === uri && p.diagnostics.length === 0 && client().diagnostics.indexOf(p) >= seen, "cleared diagnostics");
    await client().close(uri);
    await cleared;
  });
});

describe("lsp: diagnostics on open with a long debounce setting", function () {
  this.timeout(20_000);
  const { client } = useServer({ settings: { botflow: { diagnostics: { debounceMs: 60_000 } } } });

  it("checks a newly opened document at once, not after the debounce", async () => {
    await client().settingsPulled;
    // One round trip: the server has read its settings before it reads the open.
    await client().request("textDocument/hover", { textDocument: { uri: newUri("none") }, position: { line: 0, character: 0 } });
    const uri = newUri();
    await client().open(uri, 'say "{{nope}}"', 1);
    const { diagnostics } = await client().waitForDiagnostics(uri, 1, 5_000);
    assert.deepEqual(diagnostics.map((d) => d.code), ["undefined-var"]);
  });
});

describe("lsp: diagnostics of edits with a 1 s debounce setting", function () {
  this.timeout(20_000);
  const { client } = useServer({ settings: { botflow: { diagnostics: { debounceMs: 1000 } } } });

  it("checks an edit after a quiet time at once, and edits that follow within the debounce once, after it", async () => {
    await client().settingsPulled;
    await client().request("textDocument/hover", { textDocument: { uri: newUri("none") }, position: { line: 0, character: 0 } });
    const uri = newUri();
    await client().open(uri, 'say "hi"\n', 1);
    await client().waitForDiagnostics(uri, 1);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    // The file was last checked over a second ago: this edit is checked with no wait.
    let start = performance.now();
    await client().change(uri, 2, [{ range: { start: { line: 0, character: 6 }, end: { line: 0, character: 6 } }, text: "{{a}}" }]);
    assert.deepEqual((await client().waitForDiagnostics(uri, 2, 5_000)).diagnostics.map((d) => d.code), ["undefined-var"]);
    assert.ok(performance.now() - start < 700, `a lone edit waited ${(performance.now() - start).toFixed(0)} ms`);
    // Right after that check: these two wait for the rest of the second and are checked once, as the last.
    start = performance.now();
    await client().change(uri, 3, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: "say \"{{b}}\"\n" }]);
    await client().change(uri, 4, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: "say \"{{c}}\"\n" }]);
    assert.deepEqual((await client().waitForDiagnostics(uri, 4, 5_000)).diagnostics.map((d) => d.code), ["undefined-var", "undefined-var", "undefined-var"]);
    assert.ok(performance.now() - start > 500, "edits right after a check waited for the debounce");
    assert.deepEqual(client().diagnostics.filter((p) => p.uri === uri).map((p) => p.version), [1, 2, 4]);
  });
});
