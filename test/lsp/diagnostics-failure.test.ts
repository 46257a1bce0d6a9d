// Belt and braces: should the core ever throw while checking a document, the
// scheduler publishes one diagnostic on that document and logs one line, and
// goes on checking (here the core is made to throw through a FlowDocuments
// whose diagnostics() fails; everything else is the real scheduler).

import assert from "node:assert/strict";
import type { Connection, PublishDiagnosticsParams } from "vscode-languageserver/node";
import { DiagnosticsScheduler } from "../../server/src/lsp/diagnostics";
import { FlowDocuments } from "../../server/src/lsp/documents";
import { nodeTimers } from "../../server/src/runtime/node-runtime";

class ThrowingDocuments extends FlowDocuments {
  override diagnostics(): never {
    throw new RangeError("Maximum call stack size exceeded");
  }
}

describe("lsp: a core failure on one document", () => {
  it("is one diagnostic on that document and one log line, every time, without stopping the scheduler", async () => {
    const published: PublishDiagnosticsParams[] = [];
    const logged: string[] = [];
    const connection = {
      sendDiagnostics: async (p: PublishDiagnosticsParams) => { published.push(p); },
      console: { error: (m: string) => logged.push(m) },
    } as unknown as Connection;
    const scheduler = new DiagnosticsScheduler(connection, new ThrowingDocuments(() => undefined), () => 0, nodeTimers);
    for (const uri of ["file:///a.flow", "file:///b.flow"]) {
      scheduler.schedule(uri, true);
      await new Promise((done) => setTimeout(done, 20));
    }
    assert.deepEqual(published.map((p) => [p.uri, p.diagnostics.length, p.diagnostics[0].code]), [["file:///a.flow", 1, "internal"], ["file:///b.flow", 1, "internal"]]);
    assert.match(String(published[0].diagnostics[0].message), /could not check this file/);
    assert.equal(logged.length, 2);
    assert.match(logged[0], /^checking file:\/\/\/a\.flow failed: RangeError/);
  });
});
