// Core offsets ↔ LSP positions, and the core's diagnostics and edits as LSP
// values. The only place (with the CLI formatter) that knows about lines.

import {
  DiagnosticSeverity, DiagnosticTag,
  type Diagnostic as LspDiagnostic, type Position, type Range, type TextEdit as LspTextEdit,
} from "vscode-languageserver/node";
import type { LineIndex } from "../core/index";
import type { Diagnostic, Severity, Span, TextEdit } from "../core/index";
import { ruleDocUrl } from "../core/index";

export const SOURCE = "botflow";

export function toRange(lines: LineIndex, span: Span): Range {
  return { start: lines.positionAt(span.start), end: lines.positionAt(span.end) };
}

export function toOffset(lines: LineIndex, position: Position): number {
  return lines.offsetAt(position);
}

export function toSpan(lines: LineIndex, range: Range): Span {
  return { start: lines.offsetAt(range.start), end: lines.offsetAt(range.end) };
}

export function toTextEdit(lines: LineIndex, edit: TextEdit): LspTextEdit {
  return { range: toRange(lines, edit.span), newText: edit.newText };
}

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toLspDiagnostic(lines: LineIndex, d: Diagnostic): LspDiagnostic {
  const out: LspDiagnostic = {
    range: toRange(lines, d.span),
    severity: SEVERITIES[d.severity],
    code: d.code,
    codeDescription: { href: ruleDocUrl(d.code) },
    source: SOURCE,
    message: d.message,
  };
  if (d.tags?.includes("unnecessary")) out.tags = [DiagnosticTag.Unnecessary];
  return out;
}

/** The same diagnostic as the client holds it: same code and range. */
export function sameDiagnostic(a: LspDiagnostic, b: LspDiagnostic): boolean {
  return a.code === b.code && a.message === b.message && a.range.start.line === b.range.start.line && a.range.start.character === b.range.start.character
    && a.range.end.line === b.range.end.line && a.range.end.character === b.range.end.character;
}
