// Applying edits to test text, as a shell would: the core's offset edits
// (quick fixes, rename, format, save lines) and the server's LSP edits.

import { TextDocument } from "vscode-languageserver-textdocument";
import type { TextEdit as LspTextEdit } from "vscode-languageserver/node";
import type { TextEdit } from "../../server/src/core/types";

/** Non-overlapping core edits, each against `text`. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}

/** LSP edits (lines and characters), the way an editor applies them. */
export function applyLspEdits(text: string, edits: LspTextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create("x:", "botflow", 0, text), edits);
}
