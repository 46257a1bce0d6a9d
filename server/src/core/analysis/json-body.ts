// Checks a JSON value (`body`, `example`) with positions. Variables are first
// replaced by placeholders of the same length (a bare `{{x}}` by a JSON
// string, one inside a string by plain letters), so every offset is an offset
// in the text as written.
//
// A value is valid exactly when JSON.parse accepts it (variables put in) and
// every string in it is well-formed Unicode: a lone surrogate, raw or escaped
// (`"\ud800"`), cannot be sent as UTF-8, so it is reported too. JSON.parse
// decides (it is iterative, and exact); the scanner-driven checker below only
// says where a refused value breaks, with an explicit stack (no recursion on
// depth), reading tokens with jsonc-parser's scanner.

import { createScanner, type JSONScanner } from "jsonc-parser";
import type { Span } from "../types";
import { scanVarRefs } from "../text/var-refs";
import { jsonCommentEnd, jsonStringEnd } from "../text/json-skim";
import { ScanError, SyntaxKind } from "../text/json-tokens";

export interface JsonProblem {
  span: Span;
  message: string;
  /** the problem is a bracket never closed (`span` covers it) */
  unclosed?: true;
}

/**
 * The body text with each `{{...}}` masked, keeping length: one inside a string by letters, one
 * in a value's place by a string of letters; one in a comment (or cut by a string's end) stays.
 */
export function maskVariables(json: string): string {
  const refs = scanVarRefs(json);
  if (!refs.length) return json;
  let out = "";
  let copied = 0;
  let next = 0;
  let at = 0;
  while (next < refs.length && at < json.length) {
    const c = json.charCodeAt(at);
    let end = at + 1;
    if (c === 34 /* " */) {
      end = jsonStringEnd(json, at);
      for (; next < refs.length && refs[next].start < end; next++) {
        const ref = refs[next];
        if (ref.start < at || ref.end > end) continue;
        out += json.slice(copied, ref.start) + "x".repeat(ref.end - ref.start);
        copied = ref.end;
      }
    } else if (c === 47 /* / */) {
      end = Math.max(jsonCommentEnd(json, at), at + 1);
    } else if (c === 123 /* { */ && refs[next].start === at) {
      const ref = refs[next++];
      out += `${json.slice(copied, at)}"${"x".repeat(ref.end - ref.start - 2)}"`;
      copied = end = ref.end;
    }
    // Refs behind the reading (in a comment, or cut by a string's end) stay as written: not a value, invalid anyway.
    while (next < refs.length && refs[next].start < end) next++;
    at = end;
  }
  return out + json.slice(copied);
}

const MESSAGES = {
  InvalidSymbol: "is not valid JSON here",
  ValueExpected: "a value is expected here",
  PropertyNameExpected: "a property name in double quotes is expected here",
  ColonExpected: "a colon (:) is expected here",
  CommaExpected: "a comma is expected here",
  CloseBraceExpected: "a closing } is expected here",
  CloseBracketExpected: "a closing ] is expected here",
  EndOfFileExpected: "nothing may follow the JSON value",
  Comment: "JSON has no comments",
  UnexpectedEndOfString: "this string has no closing quote",
  UnexpectedEndOfNumber: "this number is incomplete",
  InvalidUnicode: "this \\u escape is invalid",
  InvalidEscapeCharacter: "this escape is invalid",
  InvalidCharacter: "this character must be escaped inside a string",
  LoneSurrogate: "this string holds half of a UTF-16 surrogate pair, which cannot be sent as UTF-8",
} as const;

const MAY_HOLD_LONE_SURROGATE = /\\u[dD][89a-fA-F]/;

/** Whether `masked` (variables put in) is a valid body. */
function acceptable(masked: string): boolean {
  try {
    JSON.parse(masked);
  } catch {
    return false;
  }
  return isWellFormed(masked) && !MAY_HOLD_LONE_SURROGATE.test(masked);
}

/** The JSON problem of the body (the first, or the bracket left open), or none. */
export function checkJsonBody(json: string, base: number): JsonProblem | undefined {
  const masked = maskVariables(json);
  // Nearly every body is valid: confirmed by the native parser, which allocates far less.
  if (acceptable(masked)) return undefined;
  const problem = locateProblem(masked, json);
  if (problem) return { span: { start: base + problem.start, end: base + problem.end }, message: `The body is not valid JSON: ${problem.message}`, ...(problem.unclosed ? { unclosed: true as const } : {}) };
  let parses = true;
  try {
    JSON.parse(masked);
  } catch {
    parses = false;
  }
  // Only an escape such as "\\ud800" written with a doubled backslash gets here: it is valid.
  if (parses) return undefined;
  return { span: { start: base, end: base + Math.min(json.length, 1) }, message: "The body is not valid JSON" };
}

interface Located {
  start: number;
  end: number;
  message: string;
  unclosed?: boolean;
}

const enum Expect { Value, ValueOrClose, Key, KeyOrClose, Colon, CommaOrClose, End }

/** Where the value breaks: the first grammar error, unless a bracket is never closed (that one wins). */
function locateProblem(masked: string, json: string): Located | undefined {
  const scanner = createScanner(masked, false);
  const stack: Brackets = { open: [], isObject: [], braces: 0 };
  const { open, isObject } = stack;
  let expect: Expect = Expect.Value;
  // The first error, and the offset of the token it was found at (a trailing comma's error is at the comma).
  const found: { first?: Located; token?: number } = {};
  let lastComma = -1;
  let tokenAt = -1;
  const fail = (at: number, length: number, message: string) => {
    found.first ??= { start: at, end: Math.min(json.length, at + Math.max(1, length)), message };
    found.token ??= tokenAt;
  };
  for (;;) {
    const token = scanner.scan();
    if (token === SyntaxKind.EOF) break;
    if (token === SyntaxKind.Trivia || token === SyntaxKind.LineBreakTrivia) continue;
    const at = scanner.getTokenOffset();
    const length = scanner.getTokenLength();
    tokenAt = at;
    if (found.first) {
      trackBrackets(token, at, stack);
      continue;
    }
    const wasComma = lastComma;
    lastComma = -1;
    const closer = token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken;
    if (token === SyntaxKind.LineCommentTrivia || token === SyntaxKind.BlockCommentTrivia) {
      fail(at, length, MESSAGES.Comment);
    } else if (expect === Expect.End) {
      fail(at, length, MESSAGES.EndOfFileExpected);
    } else if (expect === Expect.Colon) {
      if (token === SyntaxKind.ColonToken) expect = Expect.Value;
      else fail(at, length, MESSAGES.ColonExpected);
    } else if (expect === Expect.CommaOrClose) {
      if (token === SyntaxKind.CommaToken) {
        expect = isObject[isObject.length - 1] ? Expect.Key : Expect.Value;
        lastComma = at;
      } else if (closer && (token === SyntaxKind.CloseBraceToken) === isObject[isObject.length - 1]) {
        popBracket(stack);
        expect = open.length ? Expect.CommaOrClose : Expect.End;
      } else if (closer) {
        fail(at, length, isObject[isObject.length - 1] ? MESSAGES.CloseBraceExpected : MESSAGES.CloseBracketExpected);
      } else {
        fail(at, length, MESSAGES.CommaExpected);
      }
    } else if (expect === Expect.Key || expect === Expect.KeyOrClose) {
      if (token === SyntaxKind.StringLiteral) {
        const problem = stringProblem(scanner);
        if (problem) fail(at, length, problem);
        expect = Expect.Colon;
      } else if (token === SyntaxKind.CloseBraceToken && expect === Expect.KeyOrClose) {
        popBracket(stack);
        expect = open.length ? Expect.CommaOrClose : Expect.End;
      } else if (closer && wasComma >= 0) {
        fail(wasComma, 1, `remove this comma, JSON allows none before ${masked[at]}`);
      } else {
        fail(at, length, token === SyntaxKind.Unknown ? `${JSON.stringify(json.slice(at, at + length))} ${MESSAGES.InvalidSymbol}` : MESSAGES.PropertyNameExpected);
      }
    } else {
      // A value is expected (or, right after `[`, the `]`).
      if (token === SyntaxKind.CloseBracketToken && expect === Expect.ValueOrClose) {
        popBracket(stack);
        expect = open.length ? Expect.CommaOrClose : Expect.End;
      } else if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) {
        pushBracket(stack, at, token === SyntaxKind.OpenBraceToken);
        expect = token === SyntaxKind.OpenBraceToken ? Expect.KeyOrClose : Expect.ValueOrClose;
      } else if (token === SyntaxKind.StringLiteral || token === SyntaxKind.NumericLiteral || token === SyntaxKind.TrueKeyword || token === SyntaxKind.FalseKeyword || token === SyntaxKind.NullKeyword) {
        const problem = token === SyntaxKind.StringLiteral ? stringProblem(scanner) : scanner.getTokenError() === ScanError.UnexpectedEndOfNumber ? MESSAGES.UnexpectedEndOfNumber : undefined;
        if (problem) fail(at, length, problem);
        expect = open.length ? Expect.CommaOrClose : Expect.End;
      } else if (closer && wasComma >= 0) {
        fail(wasComma, 1, `remove this comma, JSON allows none before ${masked[at]}`);
      } else if (token === SyntaxKind.Unknown) {
        fail(at, length, `${JSON.stringify(json.slice(at, at + length))} ${MESSAGES.InvalidSymbol}`);
      } else {
        fail(at, length, MESSAGES.ValueExpected);
      }
    }
    // The token that failed may still open or close a bracket: count it for the never-closed check.
    if ((found.token as number | undefined) === at) trackBrackets(token, at, stack);
  }
  if (open.length) {
    const at = open[open.length - 1];
    return { start: at, end: at + 1, message: `this ${masked[at]} is never closed: add its ${masked[at] === "{" ? "}" : "]"}`, unclosed: true };
  }
  if (found.first) return found.first;
  if (expect !== Expect.End) return { start: json.length, end: json.length, message: MESSAGES.ValueExpected };
  return undefined;
}

/** The open brackets: offsets, kinds, and how many are braces (so a closer finds its opener in O(1)). */
interface Brackets {
  open: number[];
  isObject: boolean[];
  braces: number;
}

function pushBracket(stack: Brackets, at: number, object: boolean): void {
  stack.open.push(at);
  stack.isObject.push(object);
  if (object) stack.braces++;
}

function popBracket(stack: Brackets): boolean | undefined {
  stack.open.pop();
  const object = stack.isObject.pop();
  if (object) stack.braces--;
  return object;
}

/** Bracket matching alone, after the first error: a closer of another kind closes up to its own opener. */
function trackBrackets(token: number, at: number, stack: Brackets): void {
  if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) {
    pushBracket(stack, at, token === SyntaxKind.OpenBraceToken);
  } else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) {
    const object = token === SyntaxKind.CloseBraceToken;
    const has = object ? stack.braces > 0 : stack.open.length - stack.braces > 0;
    while (stack.open.length) {
      if (popBracket(stack) === object && has) break;
    }
  }
}

function stringProblem(scanner: JSONScanner): string | undefined {
  switch (scanner.getTokenError()) {
    case ScanError.UnexpectedEndOfString: return MESSAGES.UnexpectedEndOfString;
    case ScanError.InvalidUnicode: return MESSAGES.InvalidUnicode;
    case ScanError.InvalidEscapeCharacter: return MESSAGES.InvalidEscapeCharacter;
    case ScanError.InvalidCharacter: return MESSAGES.InvalidCharacter;
  }
  return isWellFormed(scanner.getTokenValue()) ? undefined : MESSAGES.LoneSurrogate;
}

function isWellFormed(text: string): boolean {
  return (text as string & { isWellFormed(): boolean }).isWellFormed();
}
