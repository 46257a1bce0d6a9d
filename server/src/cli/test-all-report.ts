// How `botflow test --all` shows its verdicts: one line per finding in
// `botflow check`'s format (`FILE:LINE:COL: error response-drift: …`), the
// skipped and recorded steps on lines of the same shape, a JSON document for
// scripts and the JUnit suites. Every string it gets is already redacted.

import type { Diagnostic, LineIndex, Span, StepVerdict } from "../core/index";
import { textLine, toJsonDiagnostic, type JsonDiagnostic } from "./format";
import { junitResult, type JunitSuite } from "./junit-report";
import type { Recorded } from "./test-record";

export interface StepOutcome {
  step: string;
  /** the step's name, where its own lines point */
  span: Span;
  verdict: StepVerdict;
  timeMs?: number;
  recorded?: Recorded;
}

export interface FileOutcome {
  /** as shown (relative to the working folder) */
  file: string;
  lines: LineIndex;
  /** the file's errors, when it has any: its steps were not sent */
  errors: Diagnostic[];
  steps: StepOutcome[];
}

export function fileLines(outcome: FileOutcome): string[] {
  const { file, lines } = outcome;
  const line = (d: Diagnostic) => textLine(file, toJsonDiagnostic(d, lines));
  if (outcome.errors.length) return [...outcome.errors.map(line), `${file}: not sent: the file has ${count(outcome.errors.length, "error")}`];
  const out: string[] = [];
  for (const s of outcome.steps) {
    const at = (text: string) => `${where(file, lines, s.span)}: ${text}`;
    const v = s.verdict;
    if (v.kind === "drift" || v.kind === "sample-invalid") out.push(...v.diagnostics.map(line));
    else if (v.kind === "failure") out.push(at(`error failure-branch: ${v.reason}`));
    else if (v.kind === "skipped") out.push(at(`skipped ${s.step}: ${v.reason}`));
    else if (v.note) out.push(at(`note: ${v.note}`));
    if (s.recorded) out.push(at(s.recorded.ok ? `recorded ${s.step}: ${s.recorded.file}` : `not recorded ${s.step}: ${s.recorded.reason}`));
  }
  return out;
}

/** `6 steps in 2 files: 3 passed, 1 drift, 1 failed, 1 skipped` */
export function summaryLine(outcomes: readonly FileOutcome[]): string {
  const verdicts = outcomes.flatMap((o) => o.steps.map((s) => s.verdict.kind));
  const n = (kinds: StepVerdict["kind"][]) => verdicts.filter((k) => kinds.includes(k)).length;
  const unsent = outcomes.filter((o) => o.errors.length).length;
  return [
    `${count(verdicts.length, "step")} in ${count(outcomes.length, "file")}: ${n(["passed"])} passed, ${n(["drift", "sample-invalid"])} drift, ${n(["failure"])} failed, ${n(["skipped"])} skipped`,
    unsent ? `; ${count(unsent, "file")} not sent (errors)` : "",
  ].join("");
}

export interface TestAllJson {
  files: {
    file: string;
    errors: JsonDiagnostic[];
    steps: { step: string; result: StepVerdict["kind"]; timeMs?: number; diagnostics?: JsonDiagnostic[]; reason?: string; note?: string; recorded?: string; notRecorded?: string }[];
  }[];
  exitCode: number;
}

export function testAllJson(outcomes: readonly FileOutcome[], exitCode: number): TestAllJson {
  return {
    files: outcomes.map((o) => ({
      file: o.file,
      errors: o.errors.map((d) => toJsonDiagnostic(d, o.lines)),
      steps: o.steps.map((s) => {
        const v = s.verdict;
        return {
          step: s.step,
          result: v.kind,
          ...(s.timeMs !== undefined ? { timeMs: s.timeMs } : {}),
          ...(v.kind === "drift" || v.kind === "sample-invalid" ? { diagnostics: v.diagnostics.map((d) => toJsonDiagnostic(d, o.lines)) } : {}),
          ...(v.kind === "skipped" || v.kind === "failure" ? { reason: v.reason } : {}),
          ...(v.kind === "passed" && v.note ? { note: v.note } : {}),
          ...(s.recorded ? (s.recorded.ok ? { recorded: s.recorded.file } : { notRecorded: s.recorded.reason }) : {}),
        };
      }),
    })),
    exitCode,
  };
}

/** One suite per file, one case per call step; a file with errors is one failed case (its steps were not sent). */
export function junitSuites(outcomes: readonly FileOutcome[]): JunitSuite[] {
  return outcomes.map((o) => {
    const line = (d: Diagnostic) => textLine(o.file, toJsonDiagnostic(d, o.lines));
    if (o.errors.length) {
      const message = `${o.file} has ${count(o.errors.length, "error")}: its call steps were not sent`;
      return { file: o.file, cases: [{ name: "botflow check", result: { kind: "failed", type: "flow-errors", message, details: o.errors.map(line).join("\n") } }] };
    }
    return { file: o.file, cases: o.steps.map((s) => ({ name: s.step, ...(s.timeMs !== undefined ? { timeMs: s.timeMs } : {}), result: junitResult(s.verdict, line) })) };
  });
}

function where(file: string, lines: LineIndex, span: Span): string {
  const { line, character } = lines.positionAt(span.start);
  return `${file}:${line + 1}:${character + 1}`;
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
