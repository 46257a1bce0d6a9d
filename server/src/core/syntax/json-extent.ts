// Where a JSON value written after `body` or `example` ends. A value is one
// JSON value ended by its matching bracket, whatever the indentation of its
// lines (pasted JSON keeps its own), with strings, escapes and comments read
// as jsonc-parser's scanner reads them (text/json-skim.ts). Brackets are matched with an explicit stack: no
// recursion on depth. Only when a value never closes does the layout decide:
// it then ends before the first later line that starts a statement (no JSON
// line can start with a statement word), or at the end of the text.

import { createScanner } from "jsonc-parser";
import { STATEMENT_WORDS } from "../language";
import { varRefEnd } from "../text/var-refs";
import { jsonCommentEnd, jsonStringEnd } from "../text/json-skim";

export interface JsonExtent {
  /** offset after the value (trailing blanks excluded) */
  end: number;
  /** for a value that never closes: the offset of the innermost bracket left open */
  unclosed?: number;
}

const OPEN_BRACE = 1;
const OPEN_BRACKET = 2;

/** The extent of the JSON value that starts at `start` (a non-blank character). */
export function jsonValueExtent(text: string, start: number): JsonExtent {
  const first = text.charCodeAt(start);
  const ref = varRefEnd(text, start);
  if (ref >= 0) return { end: restOfLine(text, ref) };
  if (first !== 123 && first !== 91) {
    // a lone number, string or word: one token of the scanner's, as rare as it is short
    const scanner = createScanner(text, false);
    scanner.setPosition(start);
    scanner.scan();
    return { end: restOfLine(text, scanner.getPosition()) };
  }
  // Offsets of the open brackets, and their kinds; counts say at once whether a closer has an opener.
  const offsets: number[] = [];
  const kinds: number[] = [];
  let braces = 0;
  let brackets = 0;
  let lastLineEnd = -1;
  const length = text.length;
  let at = start;
  while (at < length) {
    const c = text.charCodeAt(at);
    if (c === 34 /* " */) {
      at = jsonStringEnd(text, at);
    } else if (c === 47 /* / */) {
      const end = jsonCommentEnd(text, at);
      at = end < 0 ? at + 1 : end;
    } else if (c === 10 || c === 13) {
      // `\r\n` need not be one break here: the line after `\r` starts with `\n`, never a statement
      if (startsStatement(text, at + 1)) {
        lastLineEnd = at;
        break;
      }
      at++;
    } else if (c === 123 /* { */) {
      const varEnd = varRefEnd(text, at);
      if (varEnd >= 0) {
        at = varEnd;
        continue;
      }
      offsets.push(at);
      kinds.push(OPEN_BRACE);
      braces++;
      at++;
    } else if (c === 91 /* [ */) {
      offsets.push(at);
      kinds.push(OPEN_BRACKET);
      brackets++;
      at++;
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      const kind = c === 125 ? OPEN_BRACE : OPEN_BRACKET;
      // A closer of the wrong kind closes up to its own opener (the JSON check then names the missing
      // one); with no opener of its kind, it is not the value's (the `}` of the block, say): the value
      // stops before it, unclosed.
      const hasOpener = kind === OPEN_BRACE ? braces > 0 : brackets > 0;
      if (!hasOpener) {
        lastLineEnd = at;
        break;
      }
      while (offsets.length) {
        const top = kinds.pop()!;
        offsets.pop();
        if (top === OPEN_BRACE) braces--;
        else brackets--;
        if (top === kind) break;
      }
      if (!offsets.length) return { end: restOfLine(text, at + 1) };
      at++;
    } else {
      at++;
    }
  }
  const stop = lastLineEnd >= 0 ? lastLineEnd : text.length;
  return { end: trimEnd(text, start, stop), unclosed: offsets[offsets.length - 1] };
}

/**
 * After a complete value, the rest of its line: blank or a `#` comment leave the value where it
 * ended; anything else (an extra `}` too: a block never closes on a body's line) is kept in it,
 * so the JSON check reports it as one mistake ("nothing may follow").
 */
export function restOfLine(text: string, end: number): number {
  let i = end;
  while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  const c = text.charCodeAt(i);
  if (i >= text.length || c === 10 || c === 13 || c === 35 /* # */) return end;
  let lineEnd = i;
  while (lineEnd < text.length && text.charCodeAt(lineEnd) !== 10 && text.charCodeAt(lineEnd) !== 13) lineEnd++;
  return trimEnd(text, end, lineEnd);
}

/** The line starting at `lineStart` begins with a statement word. */
export function startsStatement(text: string, lineStart: number): boolean {
  let i = lineStart;
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
  let j = i;
  while (j < text.length && isWordChar(text.charCodeAt(j))) j++;
  if (j === i || j - i > 12) return false;
  const after = text.charCodeAt(j);
  if (j < text.length && after !== 32 && after !== 9 && after !== 10 && after !== 13 && after !== 123) return false;
  return STATEMENT_WORDS.has(text.slice(i, j));
}

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start) {
    const c = text.charCodeAt(e - 1);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
    e--;
  }
  return e;
}
