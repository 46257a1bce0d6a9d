// The one lexer, shared by the parser and by the features that read tokens.
// It produces Chevrotain tokens (the types of tokens.ts, which the parser
// reads) but scans by hand, one switch on each token's first character:
// Chevrotain's own Lexer took 12 ms to build at every start, tried the two
// custom patterns at every printable character, and ran cold for ~50 ms on a
// 10,000-line file, most of `botflow check`'s time there (docs/design.md).
// The token definitions in tokens.ts stay the specification: a test lexes
// generated text with Chevrotain's Lexer built from them and requires the
// same tokens (test/core/syntax/lexer-oracle.test.ts).

import type { ILexingResult, IToken, TokenType } from "chevrotain";
import * as T from "./tokens";

/** One token as Chevrotain's lexer makes it with positionTracking "onlyOffset". */
function token(type: TokenType, text: string, start: number, end: number): IToken {
  return { image: text.slice(start, end), startOffset: start, tokenTypeIdx: type.tokenTypeIdx!, tokenType: type } as IToken;
}

/** Every token of `text` (comments apart, in `groups.comments`); every character lexes, so `errors` is always empty. */
export function tokenizeFlow(text: string): ILexingResult {
  const scanner = new FlowScanner(text);
  const tokens: IToken[] = [];
  while (scanner.advance()) tokens.push(token(scanner.type!, text, scanner.start, scanner.end));
  return { tokens, groups: { comments: scanner.comments }, errors: [] };
}

/**
 * A cursor over the tokens of `text`: `type`, `start` and `end` describe the current token,
 * and no token object is made, for a reader that keeps none (strict-parser.ts). Most of a
 * file's tokens are keywords and punctuation the tree does not hold; an object and a string
 * for each was most of what reading a file allocated.
 */
export class FlowScanner {
  /** Every comment scanned so far. */
  readonly comments: IToken[] = [];
  /** The current token's type (keywords and methods retyped); undefined before the first and after the last. */
  type: TokenType | undefined;
  start = 0;
  end = 0;
  private i = 0;

  constructor(private readonly text: string) {}

  /** text[start, end): the current token's text. */
  image(): string {
    return this.text.slice(this.start, this.end);
  }

  /** Moves to the next token; false after the last. */
  advance(): boolean {
    const text = this.text;
    const n = text.length;
    // The token before this one decides whether a URL or a JSON value can start here.
    const after = this.type;
    let i = this.i;
    while (i < n) {
      const c = text.charCodeAt(i);
      // Character classes come from a table, not from calls: a cold process runs this loop in the
      // interpreter for most of a large file, where a call per character cost more than the lexing.
      if (c < 128 && ASCII[c] === BLANK) {
        i++;
        continue;
      }
      let type: TokenType | undefined;
      let end = -1;
      // The custom patterns come first where they can start (printable ASCII): only after a
      // method (a URL) or after body/example (a JSON value) do they match, so only there are
      // they tried.
      if (c >= 33 && c <= 126) {
        if (after === T.Method) {
          end = T.urlEndAfterMethod(text, i, this.start, this.end);
          if (end >= 0) type = T.Url;
        }
        if (!type && c === HASH) {
          end = i + 1;
          for (let d = text.charCodeAt(end); end < n && d !== 10 && d !== 13; d = text.charCodeAt(++end));
          this.comments.push(token(T.Comment, text, i, end));
          i = end;
          continue;
        } else if (!type && (after === T.Body || after === T.Example)) {
          end = T.jsonBodyEndAfterKeyword(text, i, this.start, this.end);
          if (end >= 0) type = T.JsonBody;
        }
      }
      if (!type) {
        if (c < 128 && ASCII[c] === WORD) {
          end = i + 1;
          for (let d = text.charCodeAt(end); d < 128 && ASCII[d] >= WORD; d = text.charCodeAt(++end));
          // A word is a keyword or a method when spelled as one.
          type = T.wordTokenAt(text, i, end) ?? T.Identifier;
        } else if (c === QUOTE) {
          end = stringEnd(text, i);
          type = end >= 0 ? T.StringLiteral : T.UnterminatedString;
          if (end < 0) end = ~end;
        } else {
          type = PUNCTUATION[c];
          if (type) end = i + 1;
          else {
            type = T.Other;
            end = i + 1;
            while (end < n && isOther(text.charCodeAt(end))) end++;
          }
        }
      }
      this.type = type;
      this.start = i;
      this.end = end;
      this.i = end;
      return true;
    }
    this.i = i;
    this.type = undefined;
    this.start = this.end = n;
    return false;
  }
}

const HASH = 35;
const QUOTE = 34;
const BACKSLASH = 92;

/**
 * Where the string at `start` ends: `"…"` (StringLiteral) gives its end, a string cut short by its
 * line's end (UnterminatedString, keeping a last backslash) gives ~end, a negative number (no
 * pair is allocated for every string of a file).
 */
function stringEnd(text: string, start: number): number {
  let j = start + 1;
  for (;;) {
    // The plain run natively: a cold process runs a charCodeAt loop in the interpreter.
    PLAIN_STRING_RUN.lastIndex = j;
    PLAIN_STRING_RUN.test(text);
    j = PLAIN_STRING_RUN.lastIndex;
    if (j >= text.length) return ~j;
    const c = text.charCodeAt(j);
    if (c === QUOTE) return j + 1;
    if (c !== BACKSLASH) return ~j;
    // An escape takes any character but a line terminator (a regular expression's `.`).
    if (j + 1 < text.length && !isLineTerminator(text.charCodeAt(j + 1))) j += 2;
    else return ~(j + 1);
  }
}

/** What a string holds between its specials: its quote, a backslash, a line break. */
const PLAIN_STRING_RUN = /[^"\\\r\n]*/y;

const PUNCTUATION: (TokenType | undefined)[] = [];
PUNCTUATION[123] = T.LCurly;
PUNCTUATION[125] = T.RCurly;
PUNCTUATION[91] = T.LBracket;
PUNCTUATION[93] = T.RBracket;
PUNCTUATION[46] = T.Dot;
PUNCTUATION[61] = T.Equals;
PUNCTUATION[36] = T.Dollar;

/** ASCII character classes, by code: a word part that cannot start a word (-) sorts after WORD. */
const OTHER_CLASS = 0;
const BLANK = 1;
const WORD = 2;
const WORD_PART = 3;
const ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII[c] = isBlank(c) ? BLANK : isWordStart(c) ? WORD : isWordPart(c) ? WORD_PART : OTHER_CLASS;

/** tokens.ts WhiteSpace: space, tab, CR, LF, form feed, vertical tab. */
function isBlank(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

function isLineTerminator(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

/** tokens.ts Identifier: [A-Za-z0-9_][A-Za-z0-9_-]* */
function isWordStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

function isWordPart(c: number): boolean {
  return isWordStart(c) || c === 45;
}

/** tokens.ts Other: anything but blanks, word characters and " { } [ ] . = $ # */
function isOther(c: number): boolean {
  return !isBlank(c) && !isWordStart(c) && c !== QUOTE && c !== HASH && PUNCTUATION[c] === undefined;
}
