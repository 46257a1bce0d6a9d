import assert from "node:assert/strict";
import { relativeSamplePath, sampleFilePath, sampleFolderPath } from "../../../server/src/core/samples/sample-file";

describe("sample file paths", () => {
  it("puts a step's sample next to the flow, under .botflow/samples/<flow without .flow>/<STEP>.json", () => {
    assert.equal(sampleFilePath("/work/bots/order-status.flow", "lookup_order"), "/work/bots/.botflow/samples/order-status/lookup_order.json");
    assert.equal(sampleFilePath("order.flow", "a-b"), ".botflow/samples/order/a-b.json");
    assert.equal(sampleFolderPath("/work/bots/order.flow"), "/work/bots/.botflow/samples/order");
  });

  it("keeps the flow's own form: Windows separators, file URIs", () => {
    assert.equal(sampleFilePath("C:\\bots\\order.flow", "s1"), "C:\\bots\\.botflow\\samples\\order\\s1.json");
    assert.equal(sampleFilePath("file:///home/ada/my%20bots/order.flow", "s1"), "file:///home/ada/my%20bots/.botflow/samples/order/s1.json");
  });

  it("strips only a trailing .flow, and never makes an empty folder name", () => {
    assert.equal(relativeSamplePath("a.flow.flow", "s"), ".botflow/samples/a.flow/s.json");
    assert.equal(relativeSamplePath("notes.txt", "s"), ".botflow/samples/notes.txt/s.json");
    assert.equal(relativeSamplePath(".flow", "s"), ".botflow/samples/.flow/s.json");
  });

  it("gives no path for a step name that is not an identifier (nothing can climb out of the folder)", () => {
    for (const bad of ["", "..", "../x", "a/b", "a\\b", "a.b", " x"]) assert.equal(sampleFilePath("/w/f.flow", bad), undefined, bad);
  });
});
