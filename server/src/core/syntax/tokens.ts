// The token vocabulary of .flow. Keywords belong to the `Name` category so a
// keyword can still be used where a name is expected (`save test = x` parses;
// the rules judge the name). The lexer matches every word as an Identifier and
// lexer.ts then retypes keywords and methods from a map: one regex per word
// instead of trying each keyword's regex in turn. Request URLs and JSON bodies are each one token,
// matched by custom patterns: they are free text that only the analysis splits.

import { createToken, Lexer, type CustomPatternMatcherFunc, type IToken, type TokenType } from "chevrotain";

export const WhiteSpace = createToken({ name: "WhiteSpace", pattern: /[ \t\r\n\f\v]+/, group: Lexer.SKIPPED, line_breaks: true });
export const Comment = createToken({ name: "Comment", pattern: /#[^\r\n]*/, group: "comments" });

/** Any name: identifiers and every keyword. */
export const Name = createToken({ name: "Name", pattern: Lexer.NA });
/** Tokens that start no statement: inside a block the parser skips them one by one, reporting each run. */
export const Stray = createToken({ name: "Stray", pattern: Lexer.NA });
/** A string, closed or not: one category so recovery can insert a missing one. */
export const StringLike = createToken({ name: "StringLike", pattern: Lexer.NA });
export const Identifier = createToken({ name: "Identifier", pattern: /[A-Za-z0-9_][A-Za-z0-9_-]*/, categories: [Name, Stray] });

/** Keywords and methods by their exact (case-sensitive) spelling. */
export const WORD_TOKENS = new Map<string, TokenType>();

function keyword(word: string, name = word[0].toUpperCase() + word.slice(1)): TokenType {
  const type = createToken({ name: `Kw${name.replace(/_(.)/g, (_, c: string) => c.toUpperCase())}`, pattern: Lexer.NA, categories: [Name] });
  WORD_TOKENS.set(word, type);
  return type;
}

export const Flow = keyword("flow");
export const Connection = keyword("connection");
export const Bearer = keyword("bearer");
export const Basic = keyword("basic");
export const ApiKey = keyword("api_key");
export const Env = keyword("env");
export const Secret = keyword("secret");
export const Domain = keyword("domain");
export const Say = keyword("say");
export const Ask = keyword("ask");
export const As = keyword("as");
export const Call = keyword("call");
export const Description = keyword("description");
export const Header = keyword("header");
export const Body = keyword("body");
export const Save = keyword("save");
export const Test = keyword("test");
export const On = keyword("on");
export const Success = keyword("success");
export const Failure = keyword("failure");
export const Menu = keyword("menu");
export const Option = keyword("option");
export const Goto = keyword("goto");
export const Handoff = keyword("handoff");
export const End = keyword("end");

export const Method = createToken({ name: "Method", pattern: Lexer.NA, categories: [Name] });
for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) WORD_TOKENS.set(method, Method);

// Hints let the lexer keep its first-character dispatch with custom patterns in the set.
const PRINTABLE_ASCII = Array.from({ length: 94 }, (_, i) => String.fromCharCode(33 + i));

/** The rest of a request line, only right after a method on the same line. */
const matchUrl: CustomPatternMatcherFunc = (text, offset, tokens) => {
  const previous = tokens[tokens.length - 1];
  if (!previous || WORD_TOKENS.get(previous.image) !== Method || !startsLine(text, previous.startOffset) || /[\r\n]/.test(text.slice(previous.startOffset + previous.image.length, offset))) return null;
  let end = offset;
  while (end < text.length && text[end] !== "\n" && text[end] !== "\r") end++;
  while (end > offset && (text[end - 1] === " " || text[end - 1] === "\t")) end--;
  return end > offset ? matchOf(text, offset, end) : null;
};
export const Url = createToken({ name: "Url", pattern: matchUrl, line_breaks: false, start_chars_hint: PRINTABLE_ASCII });

/** A JSON value right after `body`: a balanced object/array, a string, `{{var}}`, or the rest of the line. */
const matchJsonBody: CustomPatternMatcherFunc = (text, offset, tokens) => {
  const previous = tokens[tokens.length - 1];
  if (!previous || previous.image !== "body" || !startsLine(text, previous.startOffset)) return null;
  // The value starts on the `body` line: a bare `body` must not swallow the next statement.
  for (let i = previous.startOffset + previous.image.length; i < offset; i++) {
    if (text[i] === "\n" || text[i] === "\r") return null;
  }
  const end = jsonValueEnd(text, offset, lineIndent(text, previous.startOffset));
  return end > offset ? matchOf(text, offset, end) : null;
};
export const JsonBody = createToken({ name: "JsonBody", pattern: matchJsonBody, line_breaks: true, start_chars_hint: PRINTABLE_ASCII });

export const StringLiteral = createToken({ name: "StringLiteral", pattern: /"(?:[^"\\\r\n]|\\.)*"/, categories: [StringLike, Stray] });
/** A string whose closing quote is missing: kept so the rest of the line is not re-lexed as code. */
export const UnterminatedString = createToken({ name: "UnterminatedString", pattern: /"(?:[^"\\\r\n]|\\.)*\\?/, categories: [StringLike, Stray] });
export const LCurly = createToken({ name: "LCurly", pattern: "{" });
export const RCurly = createToken({ name: "RCurly", pattern: "}" });
export const LBracket = createToken({ name: "LBracket", pattern: "[", categories: [Stray] });
export const RBracket = createToken({ name: "RBracket", pattern: "]", categories: [Stray] });
export const Dot = createToken({ name: "Dot", pattern: ".", categories: [Stray] });
export const Equals = createToken({ name: "Equals", pattern: "=", categories: [Stray] });
export const Dollar = createToken({ name: "Dollar", pattern: "$", categories: [Stray] });

export const KEYWORDS = [Flow, Connection, Bearer, Basic, ApiKey, Env, Secret, Domain, Say, Ask, As, Call, Description, Header, Body, Save, Test, On, Success, Failure, Menu, Option, Goto, Handoff, End];

/** What the lexer matches, in order: custom patterns first (they only match in their place). */
export const LEXER_TOKENS: TokenType[] = [
  WhiteSpace, Comment, Url, JsonBody, Identifier,
  StringLiteral, UnterminatedString, LCurly, RCurly, LBracket, RBracket, Dot, Equals, Dollar,
];

/** The parser's vocabulary: the lexed tokens, the retyped words and the categories. */
export const ALL_TOKENS: TokenType[] = [...LEXER_TOKENS, Method, ...KEYWORDS, Name, Stray, StringLike];

/** Only a keyword that begins its line starts a request line or a body: `save x = body[0]` is a path. */
function startsLine(text: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

function matchOf(text: string, start: number, end: number): RegExpExecArray {
  const match = [text.slice(start, end)] as unknown as RegExpExecArray;
  match.index = start;
  match.input = text;
  return match;
}

function lineIndent(text: string, offset: number): number {
  let lineStart = offset;
  while (lineStart > 0 && text[lineStart - 1] !== "\n") lineStart--;
  let i = lineStart;
  while (text[i] === " " || text[i] === "\t") i++;
  return i - lineStart;
}

/**
 * Where the JSON value starting at `start` ends. An unclosed object or array
 * ends before the first later line indented no deeper than the `body` line, so
 * a body being typed does not swallow the rest of the file.
 */
export function jsonValueEnd(text: string, start: number, bodyIndent: number): number {
  const first = text[start];
  if (first === "{" && text[start + 1] === "{") {
    const close = text.indexOf("}}", start + 2);
    const lineEnd = endOfLine(text, start);
    return close >= 0 && close < lineEnd ? close + 2 : lineEnd;
  }
  if (first === "\"") {
    let i = start + 1;
    while (i < text.length && text[i] !== "\"" && text[i] !== "\n") i += text[i] === "\\" ? 2 : 1;
    return text[i] === "\"" ? i + 1 : trimEnd(text, start, Math.min(i, text.length));
  }
  if (first !== "{" && first !== "[") return trimEnd(text, start, endOfLine(text, start));
  let depth = 0;
  let i = start;
  while (i < text.length) {
    const c = text[i];
    if (c === "\"") {
      i++;
      while (i < text.length && text[i] !== "\"" && text[i] !== "\n") i += text[i] === "\\" ? 2 : 1;
      i++;
      continue;
    }
    if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") {
      depth--;
      if (depth === 0) return i + 1;
    } else if (c === "\n" && endsUnclosedBody(text, i + 1, bodyIndent)) {
      return trimEnd(text, start, i);
    }
    i++;
  }
  return trimEnd(text, start, text.length);
}

function endOfLine(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== "\n" && text[i] !== "\r") i++;
  return i;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end;
}

const STATEMENT_START = /^[ \t]*(?:save|test|header|connection|description|body|on|say|ask|call|menu|option|goto|handoff|end|flow|GET|POST|PUT|PATCH|DELETE)(?:[ \t]|\r?\n|$)/;

/** A line that cannot be JSON inside the body: dedented code, or a statement at the body's own depth. */
function endsUnclosedBody(text: string, lineStart: number, bodyIndent: number): boolean {
  const indent = lineIndent(text, lineStart);
  const head = text.slice(lineStart, lineStart + 200);
  if (/^[ \t]*(\r?\n|$)/.test(head)) return false;
  if (indent < bodyIndent) return true;
  return indent === bodyIndent && STATEMENT_START.test(head);
}

export type Token = IToken;
