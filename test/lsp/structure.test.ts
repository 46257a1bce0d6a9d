// Outline, folding and semantic tokens through the bundled server.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import type { DocumentSymbol, FoldingRange, SemanticTokens, SemanticTokensLegend } from "vscode-languageserver/node";
import { newUri, useServer } from "./support";

const FIXTURE = readFileSync(new URL("./fixtures/order-status.flow", import.meta.url), "utf8");

describe("lsp: outline, folding, semantic tokens", function () {
  this.timeout(20_000);
  const { client } = useServer();
  let uri: string;

  before(async () => {
    uri = newUri("structure");
    await client().open(uri, FIXTURE);
  });

  it("outlines the flow with its steps, branches and options", async () => {
    const symbols = await client().request<DocumentSymbol[]>("textDocument/documentSymbol", { textDocument: { uri } });
    assert.equal(symbols.length, 1);
    assert.equal(symbols[0].name, "Order status");
    const names = symbols[0].children!.map((s) => s.name);
    assert.deepEqual(names, ["shopify", 'say "Hi {{customer.name}}!"', "ask order_number", "lookup_order", "next"]);
    const lookup = symbols[0].children![3];
    assert.equal(lookup.detail, "GET https://acme.myshopify.com/admin/api/orders.json?name={{order_number}}");
    assert.deepEqual(lookup.children!.map((c) => c.name), ["on success", "on failure"]);
    const menu = symbols[0].children![4];
    assert.deepEqual(menu.children!.map((c) => c.name), ['"Track another order"', '"Leave a note"', '"No thanks"']);
    assert.deepEqual(menu.children![1].children!.map((c) => c.name), ["ask note", "send_note"]);
  });

  it("folds blocks, bodies and comment runs", async () => {
    const ranges = await client().request<FoldingRange[]>("textDocument/foldingRange", { textDocument: { uri } });
    const lines = FIXTURE.split("\n");
    const callStart = lines.findIndex((l) => l.startsWith("call lookup_order"));
    assert.ok(ranges.some((r) => r.startLine === callStart && lines[r.endLine + 1] === "}"), "the call block folds up to its closing brace");
    const bodyStart = lines.findIndex((l) => l.trim() === "body {");
    assert.ok(ranges.some((r) => r.startLine === bodyStart && lines[r.endLine + 1].trim() === "}"), "the JSON body folds");
    for (const r of ranges) assert.ok(r.endLine > r.startLine);
  });

  it("marks variables inside strings and URLs, and step and connection names", async () => {
    const legend = client().initializeResult.capabilities.semanticTokensProvider!.legend as SemanticTokensLegend;
    const { data } = await client().request<SemanticTokens>("textDocument/semanticTokens/full", { textDocument: { uri } });
    assert.equal(data.length % 5, 0);
    const lines = FIXTURE.split("\n");
    const decoded: string[] = [];
    let line = 0;
    let character = 0;
    for (let i = 0; i < data.length; i += 5) {
      line += data[i];
      character = data[i] ? data[i + 1] : character + data[i + 1];
      decoded.push(`${lines[line].slice(character, character + data[i + 2])}:${legend.tokenTypes[data[i + 3]]}`);
    }
    assert.deepEqual(decoded.slice(0, 6), ["shopify:namespace", "customer.name:variable", "order_number:variable", "lookup_order:function", "order_number:variable", "shopify:namespace"]);
    assert.ok(decoded.includes("first_name:variable"));
  });
});
