// Re-indents a multi-line JSON body: each line after the first starts at the
// body line's indentation plus two spaces per open bracket. Only whitespace
// at line starts and ends changes; the text on each line stays as written.
// A body that is not valid JSON is left exactly as it is.

import { createScanner } from "jsonc-parser";
import { maskVariables, checkJsonBody } from "../analysis/json-body";
import { SyntaxKind } from "../text/json-tokens";

const LINE_BREAK = /\r\n|\r|\n/;

/** The body re-indented under `baseIndent`, or the body unchanged. */
export function reindentJson(json: string, baseIndent: string, eol: string): string {
  const lines = json.split(LINE_BREAK);
  if (lines.length === 1 || checkJsonBody(json, 0)) return json;
  const masked = maskVariables(json).split(LINE_BREAK);
  const out = [lines[0].trimEnd()];
  let depth = depthChange(masked[0]);
  for (let i = 1; i < lines.length; i++) {
    const trimmed = lines[i].trim();
    if (!trimmed) {
      out.push("");
      continue;
    }
    const closes = /^[}\]]/.test(masked[i].trim());
    out.push(baseIndent + "  ".repeat(Math.max(0, depth - (closes ? 1 : 0))) + trimmed);
    depth += depthChange(masked[i]);
  }
  return out.join(eol);
}

/** Opened minus closed brackets on one line, outside strings (JSON strings never span lines), by jsonc-parser's scanner. */
function depthChange(line: string): number {
  const scanner = createScanner(line, true);
  let change = 0;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.OpenBraceToken || kind === SyntaxKind.OpenBracketToken) change++;
    else if (kind === SyntaxKind.CloseBraceToken || kind === SyntaxKind.CloseBracketToken) change--;
  }
  return change;
}
