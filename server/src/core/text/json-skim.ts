// Skipping over a JSON string or comment as jsonc-parser's scanner reads it,
// one character at a time with no token or value built. The lexer (where a
// body ends) and the body check (which `{{…}}` sit inside strings) only need
// to know what is string, comment or bracket; the scanner decodes every
// string and gathers every run of blanks into a new string, which made it
// most of a cold `botflow check`'s body work. test/core/text/json-skim.test.ts
// holds these to the scanner on generated text.

const QUOTE = 34;
const BACKSLASH = 92;
const SLASH = 47;
const STAR = 42;
const LF = 10;
const CR = 13;

/** After the string whose `"` is at `at`: past its closing quote, or at the line break or end that cuts it short. */
export function jsonStringEnd(text: string, at: number): number {
  const length = text.length;
  let i = at + 1;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) return i + 1;
    // an escape takes the next character whatever it is, a line break too (the scanner calls it invalid and reads on)
    if (c === BACKSLASH) i += 2;
    else if (c === LF || c === CR) return i;
    else i++;
  }
  return length;
}

/** After the comment starting at `at` (a `/`): a `//` comment ends before its line break, `/*` after its `*∕` or at the end; -1 when no comment starts there. */
export function jsonCommentEnd(text: string, at: number): number {
  const next = text.charCodeAt(at + 1);
  const length = text.length;
  if (next === SLASH) {
    let i = at + 2;
    while (i < length && text.charCodeAt(i) !== LF && text.charCodeAt(i) !== CR) i++;
    return i;
  }
  if (next !== STAR) return -1;
  const close = text.indexOf("*/", at + 2);
  return close < 0 ? length : close + 2;
}
