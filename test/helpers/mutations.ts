// Seeded mutations of flow text, for the tests that check what one mistake
// costs and that hostile edits never break the core or the server: stray
// tokens on a statement line, unknown lines inside a block, truncations,
// byte flips, huge lines and deep nesting.

import { pick } from "./prng";

export interface Mutant {
  kind: string;
  text: string;
  /** for single mistakes: the line (0-based) the mistake is on, and where it was made */
  line?: number;
  /** for single mistakes: the inserted text's offset and length (later offsets shift by it) */
  at?: number;
  inserted?: number;
}

const STRAY_TOKENS = [" ???", " x", " \"extra\"", " { \"a\": 1 }", " ]", " = y", " @@", " x{{", " [1, 2]", " :"];
const UNKNOWN_LINES = ["query { \"q\": \"x\" }", "retry 3", "??? what is this", "x{{", "timeout = 10", "[1, 2]", "headers { \"a\": \"b\" }", "\"just a string\"", "fields: a, b"];

function lines(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === "\n") {
      out.push({ start, end: i > start && text[i - 1] === "\r" ? i - 1 : i });
      start = i + 1;
    }
  }
  return out;
}

/** The lines inside a `{ … }` block that hold a statement (not blank, not a comment, not inside a body). */
export function blockStatementLines(text: string): number[] {
  const out: number[] = [];
  let depth = 0;
  let inBody = 0;
  lines(text).forEach((l, i) => {
    const line = text.slice(l.start, l.end);
    const trimmed = line.trim();
    if (inBody > 0) {
      inBody += count(line, "{[") - count(line, "}]");
      return;
    }
    if (/^(body|example)\b/.test(trimmed)) {
      const open = count(line, "{[") - count(line, "}]");
      if (open > 0) inBody = open;
    }
    if (depth > 0 && trimmed && !trimmed.startsWith("#") && trimmed !== "}") out.push(i);
    depth += count(line.replace(/"(?:[^"\\]|\\.)*"/g, ""), "{") - count(line.replace(/"(?:[^"\\]|\\.)*"/g, ""), "}");
  });
  return out;
}

function count(line: string, chars: string): number {
  let n = 0;
  for (const c of line) if (chars.includes(c)) n++;
  return n;
}

/** One mistake on one line inside a block: a stray token at the end of a statement, or an unknown line after it. */
export function singleMistake(text: string, next: () => number): Mutant | undefined {
  const candidates = blockStatementLines(text);
  if (!candidates.length) return undefined;
  const line = pick(next, candidates);
  const l = lines(text)[line];
  const content = text.slice(l.start, l.end);
  // A stray token after a request line or a body is part of the URL or the JSON: still one mistake on that line.
  if (next() < 0.5 && !/#/.test(content)) {
    const token = pick(next, STRAY_TOKENS);
    return { kind: `stray ${JSON.stringify(token)}`, text: text.slice(0, l.end) + token + text.slice(l.end), line, at: l.end, inserted: token.length };
  }
  const indent = /^[ \t]*/.exec(content)![0];
  const unknown = `${indent}${pick(next, UNKNOWN_LINES)}\n`;
  const at = text.indexOf("\n", l.end) + 1;
  if (at === 0 || /^(body|example)\b/.test(content.trim()) || /\{\s*$/.test(content) && /^(body|example)/.test(content.trim())) return undefined;
  return { kind: `unknown line ${JSON.stringify(unknown.trim())}`, text: text.slice(0, at) + unknown + text.slice(at), line: line + 1, at, inserted: unknown.length };
}

/** Any hostile edit: single mistakes, truncations, byte flips, huge lines, deep nesting, stray braces. */
export function hostileEdit(text: string, next: () => number): Mutant {
  const r = next();
  const at = Math.floor(next() * (text.length + 1));
  if (r < 0.3) return singleMistake(text, next) ?? { kind: "none", text };
  if (r < 0.4) return { kind: "truncate", text: text.slice(0, at) };
  if (r < 0.55) {
    const c = String.fromCharCode(pick(next, [0, 0xfffd, 0xd800, 0x7b, 0x7d, 0x22, 0x5b, 0x0a, 0x23, Math.floor(next() * 0x10000)]));
    return { kind: "flip", text: text.slice(0, at) + c + text.slice(at + 1) };
  }
  if (r < 0.65) return { kind: "huge line", text: `${text.slice(0, at)}${"a{{b ".repeat(2000)}${text.slice(at)}` };
  if (r < 0.75) return { kind: "deep brackets", text: `${text.slice(0, at)}${"[".repeat(5000)}${text.slice(at)}` };
  if (r < 0.85) return { kind: "deep blocks", text: `${text.slice(0, at)}${"on success {\n".repeat(300)}${text.slice(at)}` };
  if (r < 0.92) return { kind: "stray braces", text: `${text.slice(0, at)}${"x{{\n".repeat(200)}${text.slice(at)}` };
  return { kind: "delete", text: text.slice(0, at) + text.slice(Math.min(text.length, at + Math.floor(next() * 40))) };
}
