import assert from "node:assert/strict";
import { testAllExitCode } from "../../server/src/cli/test-all-exit";
import { junitResult } from "../../server/src/cli/junit-report";
import type { StepVerdict } from "../../server/src/core/samples/judge-step";

const drift: StepVerdict = { kind: "drift", diagnostics: [
  { code: "response-drift", severity: "error", span: { start: 0, end: 1 }, message: "s: a is gone from the response (saved as a)" },
  { code: "response-drift", severity: "error", span: { start: 2, end: 3 }, message: "s: b is gone from the response (saved as b)" },
] };

describe("botflow test --all: exit status and JUnit results", () => {
  it("exits 0 when every sent step matches, skipped steps included", () => {
    assert.equal(testAllExitCode([{ kind: "passed" }, { kind: "skipped", reason: "x" }]), 0);
    assert.equal(testAllExitCode([]), 0);
  });

  it("exits 4 on drift or an unusable sample, 3 on a failure branch, drift first", () => {
    assert.equal(testAllExitCode([{ kind: "passed" }, { kind: "failure", reason: "r" }]), 3);
    assert.equal(testAllExitCode([{ kind: "failure", reason: "r" }, drift]), 4);
    assert.equal(testAllExitCode([{ kind: "sample-invalid", diagnostics: [] }]), 4);
  });

  it("puts usage (2) and file errors (1) before any step", () => {
    assert.equal(testAllExitCode([drift], { fileErrors: true }), 1);
    assert.equal(testAllExitCode([drift], { usage: true, fileErrors: true }), 2);
  });

  it("turns verdicts into JUnit results: failures carry every finding line, skips their reason", () => {
    assert.deepEqual(junitResult(drift, (d) => `f.flow:1:${d.span.start + 1}: ${d.severity} ${d.code}: ${d.message}`), {
      kind: "failed",
      type: "response-drift",
      message: "s: a is gone from the response (saved as a) (and 1 more)",
      details: "f.flow:1:1: error response-drift: s: a is gone from the response (saved as a)\nf.flow:1:3: error response-drift: s: b is gone from the response (saved as b)",
    });
    assert.deepEqual(junitResult({ kind: "failure", reason: "s: HTTP 500" }, String), { kind: "failed", type: "failure-branch", message: "s: HTTP 500" });
    assert.deepEqual(junitResult({ kind: "skipped", reason: "not sent" }, String), { kind: "skipped", message: "not sent" });
    assert.deepEqual(junitResult({ kind: "passed", note: "n" }, String), { kind: "passed" });
  });
});
