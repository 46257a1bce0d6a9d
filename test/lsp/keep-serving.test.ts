// A thrown error never ends the server: an exception that escapes every
// handler (here thrown from a timer by a preloaded script) is logged once, and
// the server goes on answering and publishing diagnostics.

import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureBuilt, LspClient } from "../helpers/lsp-client";
import { newUri } from "./support";

describe("lsp: an uncaught exception", function () {
  this.timeout(60_000);
  let tmp: string;
  before(async () => {
    await ensureBuilt();
    tmp = mkdtempSync(join(tmpdir(), "botflow-keep-serving-"));
    writeFileSync(join(tmp, "throw-later.cjs"), "setTimeout(() => { throw new Error('thrown outside every handler'); }, 200);\n");
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it("is logged and the server keeps serving", async () => {
    const client = await LspClient.start({ execArgv: ["--require", join(tmp, "throw-later.cjs")] });
    try {
      const deadline = Date.now() + 10_000;
      while (!client.logs.some((l) => /uncaught exception: Error: thrown outside every handler/.test(l.message))) {
        assert.ok(Date.now() < deadline, "the exception was not logged");
        await new Promise((done) => setTimeout(done, 50));
      }
      const uri = newUri("after-throw");
      await client.open(uri, `say "{{nope}}"\n`);
      const got = await client.waitForDiagnostics(uri, 1);
      assert.deepEqual(got.diagnostics.map((d) => d.code), ["undefined-var"]);
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });
});
