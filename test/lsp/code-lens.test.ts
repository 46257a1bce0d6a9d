// "Run test call" lenses, and the last result the client reports through
// botflow/testCallResult: the server refreshes the lenses, and lenses and
// hovers then show the result.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import type { CodeLens, CompletionItem, Hover, MarkupContent } from "vscode-languageserver/node";
import { TEST_CALL_RESULT_NOTIFICATION, type TestCallResultParams } from "../../server/src/protocol";
import { newUri, positionAt, useServer } from "./support";

const FIXTURE = readFileSync(new URL("./fixtures/order-status.flow", import.meta.url), "utf8");

describe("lsp: code lenses and test call results", function () {
  this.timeout(20_000);
  const { client } = useServer();

  it("puts a Run test call lens on each call step, with {uri, step} arguments", async () => {
    const uri = newUri("lens");
    await client().open(uri, FIXTURE);
    const lenses = await client().request<CodeLens[]>("textDocument/codeLens", { textDocument: { uri } });
    const callLines = FIXTURE.split("\n").flatMap((l, i) => (/^\s*call /.test(l) ? [i] : []));
    assert.deepEqual(lenses.map((l) => l.range.start.line), callLines);
    assert.deepEqual(lenses.map((l) => l.command), [
      { title: "Run test call", command: "botflow.runTestCall", arguments: [{ uri, step: "lookup_order" }] },
      { title: "Run test call", command: "botflow.runTestCall", arguments: [{ uri, step: "send_note" }] },
    ]);
  });

  it("shows the last result once the client reports it, and uses its sample values", async () => {
    const uri = newUri("lens");
    await client().open(uri, FIXTURE);
    const refreshes = client().codeLensRefreshes.length;
    const params: TestCallResultParams = {
      uri, step: "lookup_order",
      result: { status: 200, statusText: "OK", durationMs: 143, savedValues: { first_name: "\"Jane\"" }, fields: [{ path: "order.fulfillment_status", value: "\"shipped\"", type: "string" }] },
    };
    await client().notify(TEST_CALL_RESULT_NOTIFICATION, params);
    await client().waitForCodeLensRefresh(refreshes + 1);
    const lenses = await client().request<CodeLens[]>("textDocument/codeLens", { textDocument: { uri } });
    assert.deepEqual(lenses.map((l) => l.command!.title), ["Run test call · 200 OK · 143 ms", "Run test call"]);

    const hoverOn = async (needle: string) => {
      const at = FIXTURE.indexOf(needle) + 3;
      return ((await client().request<Hover>("textDocument/hover", { textDocument: { uri }, position: positionAt(FIXTURE, at) })).contents as MarkupContent).value;
    };
    assert.match(await hoverOn("{{first_name}}"), /Last test call: `"Jane"`/);
    assert.match(await hoverOn("{{order_status}}"), /Last test call: `"shipped"`/);

    const saveLine = FIXTURE.indexOf("save order_status = ") + "save order_status = ".length;
    const items = await client().request<CompletionItem[]>("textDocument/completion", { textDocument: { uri }, position: positionAt(FIXTURE, saveLine) });
    assert.ok(items.some((i) => i.label === "order.fulfillment_status"), "response fields are offered after save x =");
  });

  it("ignores a malformed result with a warning", async () => {
    const before = client().logs.length;
    await client().notify(TEST_CALL_RESULT_NOTIFICATION, { uri: 1, step: "x" });
    // Messages arrive in order: the warning comes before the answer to a later request.
    await client().request("textDocument/codeLens", { textDocument: { uri: newUri("none") } });
    const warning = client().logs.findIndex((l, i) => i >= before && /ignored malformed/.test(l.message));
    assert.ok(warning >= 0);
    // Expected here: take it out of the problems the after hook checks.
    client().logs.splice(warning, 1);
  });
});
