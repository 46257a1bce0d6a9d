// Exit status of `botflow test --all` (docs/samples.md lists them), in line
// with `botflow test` (3: a failure branch) and `botflow check` (1: errors):
// 4 is new, for a response that no longer matches its sample.

import type { StepVerdict } from "../core/index";
import { EXIT } from "./io";

export const TEST_ALL_EXIT = {
  ...EXIT,
  /** a response-drift finding, or a sample file that cannot be used */
  drift: 4,
} as const;

/** The first of usage (2), file errors (1), drift (4), failure branch (3) that applies; else 0. Skipped steps never fail the run. */
export function testAllExitCode(verdicts: readonly StepVerdict[], problems: { usage?: boolean; fileErrors?: boolean } = {}): number {
  if (problems.usage) return TEST_ALL_EXIT.usage;
  if (problems.fileErrors) return TEST_ALL_EXIT.errors;
  if (verdicts.some((v) => v.kind === "drift" || v.kind === "sample-invalid")) return TEST_ALL_EXIT.drift;
  if (verdicts.some((v) => v.kind === "failure")) return TEST_ALL_EXIT.failureBranch;
  return TEST_ALL_EXIT.ok;
}
