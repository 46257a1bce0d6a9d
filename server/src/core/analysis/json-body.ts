// Checks a `body` as JSON with positions. Variables are first replaced by
// placeholders of the same length (a bare `{{x}}` by a JSON string, one inside
// a string by plain letters), so every offset jsonc-parser reports is an
// offset in the text as written.

import { visit, printParseErrorCode, type ParseErrorCode } from "jsonc-parser";
import type { Span } from "../types";

export interface JsonProblem {
  span: Span;
  message: string;
}

/** The body text with each `{{...}}` masked, keeping length. */
export function maskVariables(json: string): string {
  let open = json.indexOf("{{");
  if (open < 0) return json;
  const pieces: string[] = [];
  let copied = 0;
  let inString = false;
  let scanned = 0;
  while (open >= 0) {
    inString = quoteStateAt(json, scanned, open, inString);
    const close = json.indexOf("}}", open + 2);
    const newline = json.indexOf("\n", open + 2);
    if (close < 0 || (newline >= 0 && newline < close)) break;
    const length = close + 2 - open;
    pieces.push(json.slice(copied, open), inString ? "x".repeat(length) : `"${"x".repeat(length - 2)}"`);
    copied = scanned = close + 2;
    open = json.indexOf("{{", copied);
  }
  pieces.push(json.slice(copied));
  return pieces.join("");
}

/** Whether `to` is inside a JSON string, given the state at `from`. */
function quoteStateAt(json: string, from: number, to: number, inString: boolean): boolean {
  for (let i = from; i < to; i++) {
    const c = json.charCodeAt(i);
    if (inString && c === 92 /* \\ */) i++;
    else if (c === 34 /* " */) inString = !inString;
  }
  return inString;
}

const MESSAGES: Partial<Record<string, string>> = {
  InvalidSymbol: "is not valid JSON here",
  ValueExpected: "a value is expected here",
  PropertyNameExpected: "a property name in double quotes is expected here",
  ColonExpected: "a colon (:) is expected here",
  CommaExpected: "a comma is expected here",
  CloseBraceExpected: "a closing } is expected here",
  CloseBracketExpected: "a closing ] is expected here",
  EndOfFileExpected: "nothing may follow the JSON value",
  InvalidCommentToken: "JSON has no comments",
  UnexpectedEndOfComment: "JSON has no comments",
  UnexpectedEndOfString: "this string has no closing quote",
  UnexpectedEndOfNumber: "this number is incomplete",
  InvalidUnicode: "this \\u escape is invalid",
  InvalidEscapeCharacter: "this escape is invalid",
  InvalidCharacter: "this character must be escaped inside a string",
};

/** The first JSON error of the body (later ones usually follow from it), or none. */
export function checkJsonBody(json: string, base: number): JsonProblem | undefined {
  const masked = maskVariables(json);
  // Valid bodies (nearly all) are confirmed by the native parser, which is as
  // strict as the options below and allocates far less; jsonc-parser only
  // runs to say where a broken body breaks.
  try {
    JSON.parse(masked);
    return undefined;
  } catch {
    // fall through to locate the error
  }
  let problem: JsonProblem | undefined;
  visit(masked, {
    onError(error: ParseErrorCode, offset: number, length: number) {
      if (problem) return;
      const name = printParseErrorCode(error);
      const at = Math.min(offset, json.length);
      const end = Math.min(json.length, at + Math.max(1, length));
      const shown = json.slice(at, end).trim();
      const what = MESSAGES[name] ?? name;
      // `[1, 2,]` and `{"a": 1,}`: blame the comma, which is what the author has to remove.
      if ((name === "ValueExpected" || name === "PropertyNameExpected") && (json[at] === "]" || json[at] === "}")) {
        let comma = at - 1;
        while (comma >= 0 && /\s/.test(json[comma])) comma--;
        if (json[comma] === ",") {
          problem = { span: { start: base + comma, end: base + comma + 1 }, message: `The body is not valid JSON: remove this comma, JSON allows none before ${json[at]}` };
          return;
        }
      }
      problem = {
        span: { start: base + at, end: base + Math.max(end, at) },
        message: shown && name === "InvalidSymbol" ? `The body is not valid JSON: ${JSON.stringify(shown)} ${what}` : `The body is not valid JSON: ${what}`,
      };
    },
  }, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  return problem;
}
