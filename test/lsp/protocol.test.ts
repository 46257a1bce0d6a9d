import assert from "node:assert/strict";
import { DEFAULT_SETTINGS, readRunTestCallArguments, readSettings, readTestCallResultParams } from "../../server/src/protocol";

describe("protocol: shared readers", () => {
  it("completes settings with the defaults and ignores mistyped values", () => {
    assert.deepEqual(readSettings(undefined), DEFAULT_SETTINGS);
    assert.deepEqual(readSettings({ diagnostics: { debounceMs: 0 }, testCall: { timeoutMs: 500, caCertificates: ["/a.pem", 3] }, trace: { server: "verbose" } }), {
      trace: { server: "verbose" }, testCall: { timeoutMs: 500, caCertificates: ["/a.pem"] }, diagnostics: { debounceMs: 0 }, samples: { record: false },
    });
    assert.deepEqual(readSettings({ samples: { record: true } }).samples, { record: true });
    assert.deepEqual(readSettings({ samples: { record: "yes" } }).samples, { record: false });
    assert.deepEqual(readSettings({ diagnostics: { debounceMs: -5 }, testCall: { timeoutMs: "fast" } }), DEFAULT_SETTINGS);
  });

  it("reads Run test call arguments from a code lens, from two strings, or not at all", () => {
    assert.deepEqual(readRunTestCallArguments([{ uri: "file:///a.flow", step: "s" }]), { uri: "file:///a.flow", step: "s" });
    assert.deepEqual(readRunTestCallArguments(["file:///a.flow", "s"]), { uri: "file:///a.flow", step: "s" });
    assert.equal(readRunTestCallArguments([]), undefined);
    assert.equal(readRunTestCallArguments([{ uri: 1 }]), undefined);
  });

  it("accepts only well-formed test call results", () => {
    const ok = { uri: "u", step: "s", result: { status: 200, durationMs: 3 } };
    assert.deepEqual(readTestCallResultParams(ok), ok);
    assert.equal(readTestCallResultParams({ uri: "u", step: "s", result: { status: "200", durationMs: 3 } }), undefined);
    assert.equal(readTestCallResultParams({ uri: "u", step: "s" }), undefined);
    assert.equal(readTestCallResultParams(null), undefined);
  });
});
