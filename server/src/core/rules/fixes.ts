// Text-edit helpers shared by the rules' quick fixes.

import type { FlowDocument } from "../analysis/document";
import type { Span, TextEdit } from "../types";

export function replace(span: Span, newText: string): TextEdit {
  return { span, newText };
}

/** The whole line(s) holding `span`, newline included, for deleting a statement. */
export function lineSpan(doc: FlowDocument, span: Span): Span {
  const startLine = doc.lines.positionAt(span.start).line;
  const endLine = doc.lines.positionAt(span.end).line;
  const start = doc.lines.lineStart(startLine);
  const end = endLine + 1 < doc.lines.lineCount ? doc.lines.lineStart(endLine + 1) : doc.text.length;
  return { start, end };
}

/** The indentation of the line holding `offset`. */
export function indentAt(doc: FlowDocument, offset: number): string {
  const start = doc.lines.lineStart(doc.lines.positionAt(offset).line);
  return /^[ \t]*/.exec(doc.text.slice(start, start + 200))![0];
}


export { VARIABLE_NAME } from "../language";
