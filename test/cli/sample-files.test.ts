import assert from "node:assert/strict";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { loadFlowSamples, writeSampleFile } from "../../server/src/cli/sample-files";
import { sampleFile } from "../helpers/samples";
import { tempDir, type TempDir } from "../helpers/temp-dir";

describe("sample files on disk", () => {
  let dir: TempDir;
  beforeEach(async () => {
    dir = await tempDir("botflow-samples-");
  });
  afterEach(async () => dir.remove());

  it("writes a sample next to the flow (folders created) and reads it back", async () => {
    const flow = join(dir.path, "order.flow");
    const written = await writeSampleFile(flow, "lookup_order", sampleFile({ a: 1 }));
    assert.deepEqual(written, { ok: true, value: ".botflow/samples/order/lookup_order.json" });
    assert.equal(await readFile(join(dir.path, ".botflow/samples/order/lookup_order.json"), "utf8"), sampleFile({ a: 1 }));
    assert.deepEqual(await readdir(join(dir.path, ".botflow/samples/order")), ["lookup_order.json"], "no temporary file left");
    const samples = await loadFlowSamples(flow);
    assert.deepEqual([...samples.keys()], ["lookup_order"]);
    assert.ok(samples.get("lookup_order")!.ok);
  });

  it("reads no samples when the folder is missing, and each bad file as its reason", async () => {
    assert.equal((await loadFlowSamples(join(dir.path, "none.flow"))).size, 0);
    const folder = join(dir.path, ".botflow/samples/f");
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, "empty.json"), "");
    await writeFile(join(folder, "notes.txt"), "ignored");
    await mkdir(join(folder, "dir.json"));
    const samples = await loadFlowSamples(join(dir.path, "f.flow"));
    assert.deepEqual([...samples.keys()].sort(), ["dir", "empty"]);
    assert.deepEqual(samples.get("empty"), { ok: false, message: "the file is empty", file: ".botflow/samples/f/empty.json" });
    assert.deepEqual(samples.get("dir"), { ok: false, message: "it cannot be read (EISDIR)", file: ".botflow/samples/f/dir.json" });
  });

  it("says why a sample cannot be written, and refuses a step name that is no file name", async () => {
    assert.deepEqual(await writeSampleFile(join(dir.path, "o.flow"), "../x", "{}"), { ok: false, message: "../x is not a step name a sample file can be named after" });
    // a file where the folder should be (root writes through permissions, not through this)
    await writeFile(join(dir.path, ".botflow"), "not a folder");
    const result = await writeSampleFile(join(dir.path, "o.flow"), "s", "{}");
    assert.ok(!result.ok && /^cannot write \.botflow\/samples\/o\/s\.json: (ENOTDIR|EEXIST)$/.test(result.message), JSON.stringify(result));
  });
});
