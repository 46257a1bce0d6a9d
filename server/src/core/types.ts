// Editor-neutral values shared by every part of the core. Positions are
// offsets into the document text; only the LSP and CLI shells turn them into
// lines and characters.

export interface Span {
  /** offset of the first character */
  start: number;
  /** offset just past the last character */
  end: number;
}

export type Severity = "error" | "warning" | "information" | "hint";

/** One text replacement, in offsets of the document it was computed for. */
export interface TextEdit {
  span: Span;
  newText: string;
}

/** A quick fix a rule offers for its diagnostic. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** the fix most users want: editors may apply it from the light bulb at once */
  preferred?: boolean;
}

export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  span: Span;
  fixes?: Fix[];
  /** marks unused / unreachable text so editors can fade it */
  tags?: ("unnecessary")[];
}

export function span(start: number, end: number): Span {
  return { start, end };
}
