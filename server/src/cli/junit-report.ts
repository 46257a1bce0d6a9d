// The JUnit XML report of `botflow test --all --junit OUT.xml`, the format
// every CI shows: one <testsuite> per flow file, one <testcase> per call step
// (named after the step, the flow file as its class), a <failure> for drift
// or a failure branch, <skipped> with the reason for a step that could not be
// sent. Pure: the command writes the text. Every string must already be free
// of secrets (the core's redaction); this module only escapes.
//
// Written by hand rather than with a library: the report is five fixed
// elements, and the only subtle part, escaping (including characters XML 1.0
// cannot hold at all), is the two functions at the end, tested against a real
// XML parser. See docs/design.md "JUnit report".

import type { Diagnostic, StepVerdict } from "../core/index";

export type JunitResult =
  | { kind: "passed" }
  /** drift or a failure branch: `type` is e.g. `response-drift` or `failure-branch`, `details` the full text (one finding a line) */
  | { kind: "failed"; message: string; type: string; details?: string }
  | { kind: "skipped"; message: string };

export interface JunitCase {
  /** the call step's name */
  name: string;
  timeMs?: number;
  result: JunitResult;
}

export interface JunitSuite {
  /** the flow file as shown in the text output; also each case's classname */
  file: string;
  cases: JunitCase[];
}

export function junitXml(suites: readonly JunitSuite[], options: { name?: string; timestamp?: Date } = {}): string {
  const all = suites.flatMap((s) => s.cases);
  const lines = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites${attrs({ name: options.name ?? "botflow test --all", ...counts(all) })}>`,
  ];
  for (const suite of suites) {
    lines.push(`  <testsuite${attrs({ name: suite.file, ...counts(suite.cases), ...(options.timestamp ? { timestamp: options.timestamp.toISOString().replace(/\.\d+Z$/, "") } : {}) })}>`);
    for (const c of suite.cases) {
      const head = `    <testcase${attrs({ name: c.name, classname: suite.file, ...(c.timeMs !== undefined ? { time: seconds(c.timeMs) } : {}) })}`;
      const r = c.result;
      if (r.kind === "passed") lines.push(`${head}/>`);
      else if (r.kind === "skipped") lines.push(`${head}>`, `      <skipped${attrs({ message: r.message })}/>`, `    </testcase>`);
      else {
        const body = r.details === undefined ? "/>" : `>${escapeText(r.details)}</failure>`;
        lines.push(`${head}>`, `      <failure${attrs({ message: r.message, type: r.type })}${body}`, `    </testcase>`);
      }
    }
    lines.push(`  </testsuite>`);
  }
  lines.push(`</testsuites>`, "");
  return lines.join("\n");
}

/** A drift run's verdict as a JUnit result; `line` formats a diagnostic as the text output does (`FILE:LINE:COL: error CODE: MESSAGE`). */
export function junitResult(verdict: StepVerdict, line: (d: Diagnostic) => string): JunitResult {
  switch (verdict.kind) {
    case "passed":
      return { kind: "passed" };
    case "skipped":
      return { kind: "skipped", message: verdict.reason };
    case "failure":
      return { kind: "failed", type: "failure-branch", message: verdict.reason };
    case "drift":
    case "sample-invalid": {
      const [first, ...rest] = verdict.diagnostics;
      const more = rest.length ? ` (and ${rest.length} more)` : "";
      return { kind: "failed", type: first.code, message: `${first.message}${more}`, details: verdict.diagnostics.map(line).join("\n") };
    }
  }
}

function counts(cases: readonly JunitCase[]): Record<string, string> {
  const time = cases.reduce((sum, c) => sum + (c.timeMs ?? 0), 0);
  return {
    tests: String(cases.length),
    failures: String(cases.filter((c) => c.result.kind === "failed").length),
    errors: "0",
    skipped: String(cases.filter((c) => c.result.kind === "skipped").length),
    time: seconds(time),
  };
}

function seconds(ms: number): string {
  return (Math.max(0, ms) / 1000).toFixed(3);
}

function attrs(values: Record<string, string>): string {
  return Object.entries(values).map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`).join("");
}

/**
 * Characters XML 1.0 cannot hold even as a reference: C0 controls other than
 * tab, line feed and carriage return, lone surrogates, U+FFFE and U+FFFF.
 * They become U+FFFD, so a response's odd byte cannot make the report unreadable.
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeText(text: string): string {
  return text.replace(NOT_XML, "\uFFFD").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r/g, "&#13;");
}

/** Attribute values also escape quotes, and line breaks and tabs as references (a parser would otherwise fold them to spaces). */
export function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, "&quot;").replace(/'/g, "&apos;").replace(/\n/g, "&#10;").replace(/\t/g, "&#9;");
}
