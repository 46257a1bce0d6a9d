// The one `{{…}}` scanner: a variable reference is `{{`, then anything but
// braces and line breaks, then `}}` (`{{ name }}` keeps its spaces out of the
// name). Linear: each candidate `{{` scans only up to the next brace.

export interface VarRefMatch {
  /** offset of the first `{` */
  start: number;
  /** offset after the last `}` */
  end: number;
  /** the name inside, trimmed */
  name: string;
  /** offset of the name's first character */
  nameStart: number;
}

/** The end of the `{{…}}` starting at `at` (text[at] and text[at+1] are `{`), or -1 when it is not one. */
export function varRefEnd(text: string, at: number, limit = text.length): number {
  if (text.charCodeAt(at) !== 123 || text.charCodeAt(at + 1) !== 123) return -1;
  let i = at + 2;
  while (i < limit) {
    const c = text.charCodeAt(i);
    if (c === 125) return text.charCodeAt(i + 1) === 125 && i + 1 < limit ? i + 2 : -1;
    if (c === 123 || c === 10 || c === 13) return -1;
    i++;
  }
  return -1;
}

/** Every `{{…}}` in text[from, to), in order. */
export function scanVarRefs(text: string, from = 0, to = text.length): VarRefMatch[] {
  const out: VarRefMatch[] = [];
  forEachVarRef(text, (start, end, nameStart, nameEnd) => out.push({ start, end, name: text.slice(nameStart, nameEnd), nameStart }), from, to);
  return out;
}

/** Calls `found` for every `{{…}}` in text[from, to), in order, with the offsets of the reference and of its trimmed name. */
export function forEachVarRef(text: string, found: (start: number, end: number, nameStart: number, nameEnd: number) => void, from = 0, to = text.length): void {
  let at = text.indexOf("{{", from);
  while (at >= 0 && at + 1 < to) {
    const end = varRefEnd(text, at, to);
    if (end < 0) {
      at = text.indexOf("{{", at + 1);
      continue;
    }
    let nameStart = at + 2;
    let nameEnd = end - 2;
    while (nameStart < nameEnd && isSpace(text.charCodeAt(nameStart))) nameStart++;
    while (nameEnd > nameStart && isSpace(text.charCodeAt(nameEnd - 1))) nameEnd--;
    found(at, end, nameStart, nameEnd);
    at = text.indexOf("{{", end);
  }
}

/** `text` with every `{{…}}` replaced by `by(ref)` (which should keep its length when offsets matter). */
export function replaceVarRefs(text: string, by: (ref: VarRefMatch) => string): string {
  const refs = scanVarRefs(text);
  if (!refs.length) return text;
  let out = "";
  let copied = 0;
  for (const ref of refs) {
    out += text.slice(copied, ref.start) + by(ref);
    copied = ref.end;
  }
  return out + text.slice(copied);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 11 || c === 12 || c === 160 || c === 0xfeff || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0x1680;
}
