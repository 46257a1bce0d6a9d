// Inline markers for test text, so a test shows where it expects something:
//   `[[` … `]]`  an expected range (several allowed, not nested)
//   `<|>`        a cursor
// `marked()` strips them and returns the plain text with the offsets the
// markers stood at, in the stripped text. A `{{var}}` is never a marker, and
// a flow never needs `[[`, `]]` or `<|>` in the places tests put them.

import type { Span } from "../../server/src/core/types";

export interface Marked {
  /** the text with every marker removed */
  text: string;
  /** `[[…]]` ranges, in order of their opening marker */
  ranges: Span[];
  /** `<|>` offsets, in order */
  cursors: number[];
}

const MARKER = /\[\[|\]\]|<\|>/g;

export function marked(source: string): Marked {
  let text = "";
  let copied = 0;
  const ranges: Span[] = [];
  const cursors: number[] = [];
  let open: number | undefined;
  for (const m of source.matchAll(MARKER)) {
    text += source.slice(copied, m.index);
    copied = m.index + m[0].length;
    const at = text.length;
    if (m[0] === "<|>") cursors.push(at);
    else if (m[0] === "[[") {
      if (open !== undefined) throw new Error(`markers: nested [[ at ${m.index}`);
      open = at;
    } else {
      if (open === undefined) throw new Error(`markers: ]] without [[ at ${m.index}`);
      ranges.push({ start: open, end: at });
      open = undefined;
    }
  }
  if (open !== undefined) throw new Error("markers: [[ without ]]");
  text += source.slice(copied);
  return { text, ranges, cursors };
}

/** Text with exactly one `[[…]]` range. */
export function markedRange(source: string): { text: string; range: Span } {
  const { text, ranges, cursors } = marked(source);
  if (ranges.length !== 1 || cursors.length) throw new Error(`markers: expected one [[…]] range, found ${ranges.length} ranges and ${cursors.length} cursors`);
  return { text, range: ranges[0] };
}

/** Text with exactly one `<|>` cursor. */
export function markedCursor(source: string): { text: string; offset: number } {
  const { text, ranges, cursors } = marked(source);
  if (cursors.length !== 1 || ranges.length) throw new Error(`markers: expected one <|> cursor, found ${cursors.length} cursors and ${ranges.length} ranges`);
  return { text, offset: cursors[0] };
}

/** Puts `[[`/`]]` back around spans of `text`: readable failure messages for range assertions. */
export function showRanges(text: string, spans: readonly Span[]): string {
  // At one offset: ends of earlier ranges, then starts, then ends of empty ranges.
  const marks: { at: number; order: number; mark: string }[] = [];
  for (const s of spans) marks.push({ at: s.start, order: 1, mark: "[[" }, { at: s.end, order: s.end === s.start ? 2 : 0, mark: "]]" });
  marks.sort((a, b) => a.at - b.at || a.order - b.order);
  let out = "";
  let copied = 0;
  for (const { at, mark } of marks) {
    out += text.slice(copied, at) + mark;
    copied = at;
  }
  return out + text.slice(copied);
}
