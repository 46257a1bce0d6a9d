// Turns core diagnostics (offsets) into the CLI's two output shapes: text
// lines `FILE:LINE:COL: SEVERITY CODE: MESSAGE` (1-based) and JSON with
// 0-based LSP positions.

import type { LineIndex, Position } from "../core/index";
import type { Diagnostic } from "../core/index";

export interface JsonDiagnostic {
  code: string;
  severity: Diagnostic["severity"];
  message: string;
  range: { start: Position; end: Position };
}

export interface FileReport {
  file: string;
  diagnostics: JsonDiagnostic[];
}

export function toJsonDiagnostic(d: Diagnostic, lines: LineIndex): JsonDiagnostic {
  return { code: d.code, severity: d.severity, message: d.message, range: { start: lines.positionAt(d.span.start), end: lines.positionAt(d.span.end) } };
}

export function textLine(file: string, d: JsonDiagnostic): string {
  return `${file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code}: ${d.message}`;
}
