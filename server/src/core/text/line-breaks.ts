// Line breaks as the language counts them: LF and CR (a CRLF is both).

export function isLineBreak(c: number): boolean {
  return c === 10 || c === 13;
}

/** Whether text[from, to) holds a line break; scans instead of slicing (it runs for every token). */
export function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isLineBreak(text.charCodeAt(i))) return true;
  return false;
}
