// Folding ranges: blocks (connections, calls, branches, menus, options),
// multi-line JSON bodies, runs of comment lines and `# region` markers.
// Folding is line-based by nature, so this returns lines; a block's range ends
// on the line before its closing brace, which stays visible when folded.

import type { FlowDocument } from "../analysis/document";
import { forEachBlock } from "../analysis/walk";
import type { Span } from "../types";

export interface FoldingRange {
  startLine: number;
  endLine: number;
  kind?: "comment" | "region";
}

export function foldingRanges(doc: FlowDocument): FoldingRange[] {
  const out: FoldingRange[] = [];
  const add = (span: Span | undefined, closed: boolean) => {
    if (!span) return;
    const startLine = doc.lines.positionAt(span.start).line;
    const endLine = doc.lines.positionAt(span.end).line - (closed ? 1 : 0);
    if (endLine > startLine) out.push({ startLine, endLine });
  };
  const closes = (span: Span | undefined) => !!span && /[}\]]/.test(doc.text[span.end - 1] ?? "");
  for (const c of doc.ast.connections) add(c.span, closes(c.blockSpan));
  forEachBlock(doc.ast, (block) => {
    if (block.kind === "branch") add(block.branch.span, closes(block.branch.span));
    if (block.kind === "option") add(block.option.span, closes(block.option.span));
    for (const step of block.steps) {
      if (step.kind === "call" || step.kind === "menu") add(step.span, closes(step.blockSpan));
      if (step.kind === "call") for (const body of step.bodies) if (body.json) add({ start: body.span.start, end: body.json.span.end }, closes(body.json.span));
    }
  });
  out.push(...commentRanges(doc));
  return out;
}

function commentRanges(doc: FlowDocument): FoldingRange[] {
  const out: FoldingRange[] = [];
  const regions: number[] = [];
  let runStart = -1;
  let runEnd = -1;
  const flush = () => {
    if (runStart >= 0 && runEnd > runStart) out.push({ startLine: runStart, endLine: runEnd, kind: "comment" });
    runStart = runEnd = -1;
  };
  for (const comment of doc.ast.comments) {
    const line = doc.lines.positionAt(comment.start).line;
    const ownLine = doc.text.slice(doc.lines.lineStart(line), comment.start).trim() === "";
    if (!ownLine) continue;
    const text = doc.text.slice(comment.start, comment.end);
    if (/^#\s*region\b/.test(text)) {
      flush();
      regions.push(line);
      continue;
    }
    if (/^#\s*endregion\b/.test(text)) {
      flush();
      const start = regions.pop();
      if (start !== undefined && line > start) out.push({ startLine: start, endLine: line, kind: "region" });
      continue;
    }
    if (runStart >= 0 && line === runEnd + 1) runEnd = line;
    else {
      flush();
      runStart = runEnd = line;
    }
  }
  flush();
  return out;
}
