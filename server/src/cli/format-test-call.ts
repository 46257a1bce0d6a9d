// How `botflow test` shows a test call: a readable report for people and a
// JSON document for scripts. Everything it gets is already redacted by the
// core; this module only lays it out.

import type { SentReport } from "../core/index";
import type { RequestView } from "../core/index";
import type { SaveSuggestion } from "../core/index";
import type { TestCallResult } from "../core/index";

export interface FieldRow {
  path: string;
  value: string;
  type: string;
  /** the name a `save` line would use (the existing one when already saved) */
  name: string;
  alreadySaved: boolean;
}

export interface TestCallJson {
  request: RequestView;
  response: { status: number; statusText: string; headers: [string, string][]; body: string; truncated: boolean; timeMs: number } | null;
  branch: "success" | "failure";
  /** why the call took the failure branch; null on success */
  error: string | null;
  /** on success: why saves could not read the body (empty, not JSON, too large), else null */
  note: string | null;
  kind: TestCallResult["outcome"]["kind"];
  redirects: TestCallResult["redirects"];
  fields: { path: string; value: string; type: string; name: string }[];
  /** the `save` lines written into the file by --insert / --insert-all */
  inserted: string[];
}

const BODY_LINES = 60;

export function fieldRows(suggestions: readonly SaveSuggestion[]): FieldRow[] {
  return suggestions.map((s) => ({ path: s.field.path, value: s.field.value, type: s.field.type, name: s.name, alreadySaved: !!s.alreadySavedAs }));
}

export function testCallJson(report: SentReport, rows: readonly FieldRow[], inserted: readonly string[]): TestCallJson {
  const { response, branch } = report;
  return {
    request: report.request,
    response: response && { status: response.status, statusText: response.statusText, headers: response.headers, body: response.body, truncated: response.truncated, timeMs: report.durationMs },
    branch,
    error: branch === "failure" ? report.reason : null,
    note: branch === "success" ? report.reason : null,
    kind: report.kind,
    redirects: report.redirects,
    fields: rows.map(({ path, value, type, name }) => ({ path, value, type, name })),
    inserted: [...inserted],
  };
}

export function testCallText(report: SentReport, rows: readonly FieldRow[]): string {
  const out: string[] = [];
  const { request, response, branch } = report;
  out.push(`${request.method} ${request.url}`);
  for (const [name, value] of request.headers) out.push(`${name}: ${value}`);
  if (request.body !== undefined) out.push("", ...indentBody(request.body));
  out.push("");
  for (const hop of report.redirects) out.push(`↪ ${hop.status} → ${hop.to}${hop.credentialsDropped ? " (credentials not sent to this host)" : ""}`);
  if (response) {
    out.push(`${response.status}${response.statusText ? ` ${response.statusText}` : ""} in ${report.durationMs} ms → on ${branch}`);
    for (const [name, value] of response.headers) out.push(`${name}: ${value}`);
    if (response.body !== "") out.push("", ...indentBody(response.json ? JSON.stringify(response.json.value, null, 2) : response.body));
  } else {
    out.push(`No response after ${report.durationMs} ms → on ${branch}`);
  }
  if (report.reason) out.push("", `${branch === "failure" ? "✗" : "!"} ${report.reason}`);
  out.push("");
  if (rows.length) {
    out.push("Fields (save with --insert PATH or --insert-all):");
    out.push(...table([["PATH", "TYPE", "VALUE", "SAVE AS"], ...rows.map((r) => [r.path, r.type, r.value, r.alreadySaved ? `${r.name} (saved)` : r.name])]));
    if (report.note) out.push(report.note);
  } else if (branch === "success" && report.note && report.note !== report.reason) {
    out.push(report.note);
  }
  return `${out.join("\n").replace(/\n+$/, "")}\n`;
}

function indentBody(body: string): string[] {
  const lines = body.split(/\r?\n/);
  if (lines.length <= BODY_LINES) return lines;
  return [...lines.slice(0, BODY_LINES), `… ${lines.length - BODY_LINES} more lines (use --json for the whole body)`];
}

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, col) => Math.max(...rows.map((r) => [...r[col]].length)));
  return rows.map((r) => `  ${r.map((cell, col) => (col === r.length - 1 ? cell : cell + " ".repeat(widths[col] - [...cell].length))).join("  ")}`);
}
