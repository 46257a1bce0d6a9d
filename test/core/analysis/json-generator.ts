// A seeded generator of JSON values for the body tests: nested objects and
// arrays of every kind of leaf, strings with escapes and non-ASCII text, and
// leaves that stand for variables (a bare `{{v}}` value, or one inside a string).

import { pick } from "../../helpers/prng";

/** Placeholders the generator puts where variables go; `withVariables` turns them into `{{v}}`. */
const BARE = "\u0001bare\u0001";
const IN_STRING = "\u0001in-string\u0001";

const STRINGS = ["", "a", "order #1", "// not a comment", "{not} [json]", "quote \" and \\ backslash", "tab\tnew\nline", "é", "😀", "中文", "\u2028", "\u0000", "save x = y", "on success {", "}", "]", "{{"];
const NUMBERS = [0, -0, 1, -1, 42, 3.14, -2.5e-8, 1e21, 123456789, 0.1];

export function generateValue(next: () => number, depth = 0): unknown {
  const r = next();
  if (depth < 5 && r < 0.25) {
    const n = Math.floor(next() * 4);
    return Array.from({ length: n }, () => generateValue(next, depth + 1));
  }
  if (depth < 5 && r < 0.5) {
    const n = Math.floor(next() * 4);
    const out: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) out[`${pick(next, STRINGS)}${i}`] = generateValue(next, depth + 1);
    return out;
  }
  if (r < 0.6) return pick(next, NUMBERS);
  if (r < 0.7) return pick(next, [true, false, null]);
  if (r < 0.75) return BARE;
  if (r < 0.8) return `hi ${IN_STRING}!`;
  return pick(next, STRINGS);
}

/** JSON text of `value`, with the variable placeholders written as `{{v}}`. */
export function withVariables(json: string): string {
  return json.replaceAll(JSON.stringify(BARE), "{{v}}").replaceAll("\\u0001in-string\\u0001", "{{v}}");
}

/** The same text with each variable put in (what is sent): the oracle's input. */
export function withValues(json: string): string {
  return json.replaceAll(JSON.stringify(BARE), "7").replaceAll("\\u0001in-string\\u0001", "Ada");
}

export type Layout = "tabs" | "two spaces" | "flush-left" | "crlf" | "one line";
export const LAYOUTS: readonly Layout[] = ["tabs", "two spaces", "flush-left", "crlf", "one line"];

/** `value` printed as someone pastes it: tab-indented, two spaces, every line flush-left, CRLF line ends, or on one line. */
export function layOut(value: unknown, layout: Layout): string {
  switch (layout) {
    case "tabs": return JSON.stringify(value, null, "\t");
    case "two spaces": return JSON.stringify(value, null, 2);
    case "flush-left": return JSON.stringify(value, null, 2).split("\n").map((l) => l.trimStart()).join("\n");
    case "crlf": return JSON.stringify(value, null, 2).replaceAll("\n", "\r\n");
    case "one line": return JSON.stringify(value);
  }
}

/** JSON.parse's verdict, plus the project's one addition: every string must be well-formed (no lone surrogate). */
export function oracleAccepts(text: string): boolean {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return false;
  }
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === "string" && !(v as string & { isWellFormed(): boolean }).isWellFormed()) return false;
    if (Array.isArray(v)) stack.push(...v);
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) stack.push(k, x);
  }
  return true;
}

/** Mistakes people make in JSON, applied to a valid text at a seeded place; the oracle still decides. */
export const MISTAKES: readonly [string, (text: string, next: () => number) => string][] = [
  ["trailing comma", (t, next) => insertBefore(t, /[}\]]/g, ",", next)],
  ["missing comma", (t, next) => replaceOne(t, /,/g, " ", next)],
  ["unclosed", (t) => (/[}\]]\s*$/.test(t) ? t.replace(/[}\]](\s*)$/, "$1") : `[${t}`)],
  ["extra closer", (t) => `${t}]`],
  ["bad escape", (t, next) => insertBefore(t, /"(?=[,:\]}\s]|$)/g, "\\x", next)],
  ["lone surrogate escape", (t, next) => insertBefore(t, /"(?=[,:\]}\s]|$)/g, "\\ud800", next)],
  ["raw lone surrogate", (t, next) => insertBefore(t, /"(?=[,:\]}\s]|$)/g, "\ud800", next)],
  ["raw control character", (t, next) => insertBefore(t, /"(?=[,:\]}\s]|$)/g, "\u0001", next)],
  ["leading zero", (t) => `[01, ${t}]`],
  ["bare dot", (t) => `[1., ${t}]`],
  ["lone minus", (t) => `[-, ${t}]`],
  ["comment", (t) => `${t} // note`],
  ["single quotes", (t) => `['a', ${t}]`],
  ["unquoted key", (t) => `{a: ${t}}`],
  ["truncated", (t, next) => t.slice(0, Math.max(0, Math.floor(next() * t.length)))],
];

function insertBefore(text: string, where: RegExp, what: string, next: () => number): string {
  const places = [...text.matchAll(where)].map((m) => m.index);
  if (!places.length) return `${text}${what}`;
  const at = pick(next, places);
  return text.slice(0, at) + what + text.slice(at);
}

function replaceOne(text: string, where: RegExp, by: string, next: () => number): string {
  const places = [...text.matchAll(where)].map((m) => m.index);
  if (!places.length) return `${text} 1`;
  const at = pick(next, places);
  return text.slice(0, at) + by + text.slice(at + 1);
}
