// What a drawn node says, the same in DOT, Mermaid and the diagram: a first
// line with the step's keyword and name, then its label wrapped to short
// lines. Short lines matter: Graphviz sizes boxes from its own font metrics,
// and a viewer's font (DejaVu, Segoe UI) is wider by up to a sixth.

import type { ShownNode } from "./flow-graph-model";

const LINE = 30;
const MAX_LINES = 3;

export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Words into lines of at most `width` characters (a longer word is cut), at most `max` lines; … marks text left out. */
export function wrap(text: string, width = LINE, max = MAX_LINES): string[] {
  const words = text.split(/\s+/).filter(Boolean).map((w) => (w.length > width ? `${w.slice(0, width - 1)}…` : w));
  const lines: string[] = [];
  let line = "";
  let i = 0;
  for (; i < words.length; i++) {
    const joined = line ? `${line} ${words[i]}` : words[i];
    if (joined.length <= width) {
      line = joined;
      continue;
    }
    lines.push(line);
    if (lines.length === max) break;
    line = words[i];
  }
  if (i === words.length) {
    if (line) lines.push(line);
    return lines;
  }
  const last = lines[max - 1];
  lines[max - 1] = last.length < width ? `${last}…` : `${last.slice(0, width - 1)}…`;
  return lines;
}

/** The keyword and name line, then the label's lines: `call lookup_order` / `Look up order`. */
export function nodeLines(node: ShownNode): string[] {
  if (node.kind === "collapsed") return [node.label];
  const head = node.name ? `${node.kind} ${node.name}` : node.kind;
  // A goto's label is its target, already in the head; a call's display name may repeat its name.
  if (node.kind === "goto" || node.label === node.name) return [head];
  return [head, ...wrap(node.label)];
}
