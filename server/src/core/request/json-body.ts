// The JSON body with test values put in. Substitution is JSON-aware, so a
// value can never break out of its place: inside a JSON string it is inserted
// JSON-escaped; as a bare `{{var}}` it becomes a JSON number, boolean or null
// when the value is exactly one, else a JSON string. The result must parse;
// it is sent as these bytes, never re-encoded as a string (the hosted
// builders' double-escaping bug).

import type { Span } from "../types";
import type { RequestProblem } from "./prepared-request";
import { missingValueMessage } from "./test-values";
import { wellFormed } from "./percent-encode";

const VAR_AT = /\{\{([^{}\n]*)\}\}/y;
const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

export function substituteJsonBody(json: { text: string; span: Span }, values: ReadonlyMap<string, string>):
  { ok: true; text: string } | { ok: false; problems: RequestProblem[] } {
  const { text } = json;
  const problems: RequestProblem[] = [];
  let out = "";
  let inString = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    VAR_AT.lastIndex = i;
    const m = c === "{" ? VAR_AT.exec(text) : null;
    if (m) {
      const name = m[1].trim();
      const value = values.get(name);
      if (value === undefined) {
        const start = json.span.start + i;
        problems.push({ code: "missing-value", message: missingValueMessage(name), span: { start, end: start + m[0].length }, variable: name });
      } else {
        out += inString ? escapeInString(value) : bareValue(value);
      }
      i += m[0].length;
      continue;
    }
    if (inString && c === "\\") {
      out += text.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (c === "\"") inString = !inString;
    out += c;
    i++;
  }
  if (problems.length) return { ok: false, problems };
  try {
    JSON.parse(out);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return { ok: false, problems: [{ code: "body", message: `The body is not valid JSON once the test values are put in: ${reason}`, span: json.span }] };
  }
  return { ok: true, text: out };
}

/** The value as the inside of a JSON string: JSON.stringify escapes quotes, backslashes and control characters. */
function escapeInString(value: string): string {
  return JSON.stringify(wellFormed(value)).slice(1, -1);
}

function bareValue(value: string): string {
  if (JSON_NUMBER.test(value) || value === "true" || value === "false" || value === "null") return value;
  return JSON.stringify(wellFormed(value));
}
