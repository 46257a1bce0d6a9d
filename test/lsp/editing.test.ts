// Completion, hover, definition, references and rename through the bundled
// server, with the cursor written inline (`<|>`) in the test texts.

import assert from "node:assert/strict";
import type { CompletionItem, Hover, Location, MarkupContent, Range, WorkspaceEdit } from "vscode-languageserver/node";
import { ResponseError } from "vscode-jsonrpc/node";
import { marked, markedCursor } from "../helpers/markers";
import { applyEdits, newUri, offsetAt, positionAt, useServer } from "./support";

describe("lsp: editing features", function () {
  this.timeout(20_000);
  const { client } = useServer();

  /** Opens `source` (with one `<|>`) and sends `method` at the cursor. */
  async function at<R>(method: string, source: string, extra: Record<string, unknown> = {}): Promise<{ result: R; text: string; uri: string }> {
    const { text, offset } = markedCursor(source);
    const uri = newUri();
    await client().open(uri, text);
    const result = await client().request<R>(method, { textDocument: { uri }, position: positionAt(text, offset), ...extra });
    return { result, text, uri };
  }

  const rangeText = (text: string, range: Range) => text.slice(offsetAt(text, range.start), offsetAt(text, range.end));

  describe("completion", () => {
    const labels = (items: CompletionItem[] | null) => (items ?? []).map((i) => i.label);

    it("offers keywords by block, as snippets with a replace range", async () => {
      const top = (await at<CompletionItem[]>("textDocument/completion", "<|>")).result;
      assert.deepEqual(labels(top), ["flow", "connection", "say", "ask", "call", "menu", "goto", "handoff", "end"]);
      const call = top.find((i) => i.label === "call")!;
      assert.equal(call.insertTextFormat, 2);
      assert.ok(call.textEdit && "range" in call.textEdit && call.textEdit.newText.startsWith("call ${1:name}"));
      assert.deepEqual(labels((await at<CompletionItem[]>("textDocument/completion", "call c {\n  he<|>\n}")).result).slice(0, 5), ["GET", "POST", "PUT", "PATCH", "DELETE"]);
      assert.deepEqual(labels((await at<CompletionItem[]>("textDocument/completion", 'menu m "q" {\n  <|>\n}')).result), ["option"]);
      assert.deepEqual(labels((await at<CompletionItem[]>("textDocument/completion", "connection c {\n  <|>\n}")).result), ["bearer", "basic", "api_key", "domain"]);
    });

    it("offers names after goto, connection and as", async () => {
      assert.deepEqual(labels((await at<CompletionItem[]>("textDocument/completion", "call look {\n  GET https://x.example/\n}\ngoto <|>")).result), ["look"]);
      assert.deepEqual(labels((await at<CompletionItem[]>("textDocument/completion", "connection shop {\n  bearer env T\n}\ncall c {\n  connection <|>\n}")).result), ["shop"]);
      assert.deepEqual(labels((await at<CompletionItem[]>("textDocument/completion", 'ask a "x" as <|>')).result), ["text", "email", "number", "phone", "name", "url", "date"]);
    });

    it("offers the variables in scope after {{, with origin and type", async () => {
      const { result } = await at<CompletionItem[]>("textDocument/completion", 'ask order "x" as number\nsay "Hi {{<|>');
      assert.deepEqual(labels(result).slice(0, 2), ["order", "customer.name"]);
      assert.equal(result[0].detail, "asked · number");
      assert.ok(result[0].textEdit && result[0].textEdit.newText === "order}}");
    });
  });

  describe("hover", () => {
    it("shows a variable's origin and a call's summary as markdown", async () => {
      const flow = 'ask order "Order?" as number\ncall lookup "Look up" {\n  GET https://x.example/?id={{ord<|>er}}\n  save status = a.b\n}\ngoto lookup';
      const { result, text } = await at<Hover>("textDocument/hover", flow);
      assert.match((result.contents as MarkupContent).value, /\*\*order\*\* · asked \(number\)/);
      assert.equal(rangeText(text, result.range!), "order");
      const step = await at<Hover>("textDocument/hover", flow.replace("<|>", "").replace("goto lookup", "goto look<|>up"));
      assert.match((step.result.contents as MarkupContent).value, /`GET https:\/\/x\.example\/\?id=\{\{order\}\}`[\s\S]*saves `status`/);
    });

    it("answers null where there is nothing to show", async () => {
      assert.equal((await at<Hover | null>("textDocument/hover", 'say "he<|>llo"')).result, null);
    });
  });

  describe("definition and references", () => {
    it("goes to a variable's definition and finds all its references", async () => {
      const source = 'ask [[order]] "x"\ncall c {\n  GET https://x.example/?q={{[[order]]}}\n  test [[order]] = "1"\n}\nsay "{{[[ord<|>er]]}}"';
      const { text, ranges, cursors } = marked(source);
      const uri = newUri();
      await client().open(uri, text);
      const position = positionAt(text, cursors[0]);
      const definition = await client().request<Location[]>("textDocument/definition", { textDocument: { uri }, position });
      assert.deepEqual(definition, [{ uri, range: { start: positionAt(text, ranges[0].start), end: positionAt(text, ranges[0].end) } }]);
      const refs = await client().request<Location[]>("textDocument/references", { textDocument: { uri }, position, context: { includeDeclaration: true } });
      assert.deepEqual(refs.map((r) => r.range), ranges.map((r) => ({ start: positionAt(text, r.start), end: positionAt(text, r.end) })));
    });
  });

  describe("rename", () => {
    it("prepares and renames a variable everywhere", async () => {
      const source = 'ask ord<|>er "x"\nsay "{{order}}"\ncall c {\n  GET https://x.example/?q={{order}}\n  test order = "1"\n}';
      const { result, text, uri } = await at<{ range: Range; placeholder: string }>("textDocument/prepareRename", source);
      assert.equal(result.placeholder, "order");
      const edit = await client().request<WorkspaceEdit>("textDocument/rename", { textDocument: { uri }, position: result.range.start, newName: "order_id" });
      assert.equal(applyEdits(text, edit.changes![uri]), text.replaceAll("order", "order_id"));
    });

    it("refuses a name that breaks ^[a-z0-9_]+$ with a clear error", async () => {
      const { text, offset } = markedCursor('ask ord<|>er "x"\nsay "{{order}}"');
      const uri = newUri();
      await client().open(uri, text);
      await assert.rejects(
        client().request("textDocument/rename", { textDocument: { uri }, position: positionAt(text, offset), newName: "OrderId" }),
        (error: unknown) => error instanceof ResponseError && error.code === -32803 && /not a valid variable name: use only lowercase letters, digits and underscores/.test(error.message),
      );
    });

    it("refuses to rename a system variable at prepareRename", async () => {
      const { text, offset } = markedCursor('say "{{customer.em<|>ail}}"');
      const uri = newUri();
      await client().open(uri, text);
      await assert.rejects(client().request("textDocument/prepareRename", { textDocument: { uri }, position: positionAt(text, offset) }), /system variable/);
    });
  });
});
