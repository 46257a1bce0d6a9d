// The token vocabulary of .flow. Keywords belong to the `Name` category so a
// keyword can still be used where a name is expected (`save test = x` parses;
// the rules judge the name). The lexer matches every word as an Identifier and
// lexer.ts then retypes keywords and methods from a map: one regex per word
// instead of trying each keyword's regex in turn. Request URLs and JSON values are each one token,
// matched by custom patterns: they are free text that only the analysis splits.
//
// Every character lexes to some token (`Other` takes what no other token
// does), so a stray character is part of its line's one "unexpected" report,
// not a lexer error of its own.
//
// The types are the plain objects Chevrotain's createToken makes, made here so
// that reading a correct file never loads Chevrotain (strict-parser.ts): its
// parser and Lexer complete them (index, category maps) when first built, as
// they do for any token type; until then the lexer and the strict parser know
// a type by identity.

import type { CustomPatternMatcherFunc, IToken, TokenType } from "chevrotain";
import { HTTP_METHODS, JSON_VALUE_WORDS } from "../language";
import { jsonValueExtent } from "./json-extent";
import { hasLineBreak } from "../text/line-breaks";

interface TokenConfig {
  name: string;
  /** absent for a category or a retyped word: nothing lexes as it */
  pattern?: RegExp | string | CustomPatternMatcherFunc;
  categories?: TokenType[];
  /** a Chevrotain lexer group; SKIPPED for what is dropped */
  group?: string;
  line_breaks?: boolean;
  start_chars_hint?: (string | number)[];
}

/** What the Chevrotain Lexer built from these types (tests only) must read as Chevrotain's Lexer.SKIPPED. */
export const SKIPPED = "skipped";

/** Chevrotain's createToken, without loading Chevrotain. */
function defineToken(config: TokenConfig): TokenType {
  const type: TokenType = { name: config.name };
  if (config.pattern !== undefined) type.PATTERN = config.pattern;
  if (config.categories) type.CATEGORIES = config.categories;
  if (config.group !== undefined) type.GROUP = config.group;
  if (config.line_breaks !== undefined) type.LINE_BREAKS = config.line_breaks;
  if (config.start_chars_hint) type.START_CHARS_HINT = config.start_chars_hint;
  return type;
}

/** Every token: what the rest of a skipped line is read as. */
export const Any = defineToken({ name: "Any" });
/** Tokens that start no statement in any block: a line starting with one is skipped and reported once. */
export const Stray = defineToken({ name: "Stray", categories: [Any] });

export const WhiteSpace = defineToken({ name: "WhiteSpace", pattern: /[ \t\r\n\f\v]+/, group: SKIPPED, line_breaks: true });
export const Comment = defineToken({ name: "Comment", pattern: /#[^\r\n]*/, group: "comments" });

/** Any name: identifiers and every keyword. */
export const Name = defineToken({ name: "Name" });
/** A string, closed or not: one category so recovery can insert a missing one. */
export const StringLike = defineToken({ name: "StringLike" });
export const Identifier = defineToken({ name: "Identifier", pattern: /[A-Za-z0-9_][A-Za-z0-9_-]*/, categories: [Name, Stray, Any] });

/**
 * Keywords and methods by their exact (case-sensitive) spelling, bucketed by length: this is
 * looked up for every word of a file, and a Map would hash each word (a fresh string) first.
 * Most words have a length no keyword has, or differ from the one or two that share it.
 */
const WORDS_BY_LENGTH: { word: string; type: TokenType }[][] = [];

function addWord(word: string, type: TokenType): void {
  (WORDS_BY_LENGTH[word.length] ??= []).push({ word, type });
}

/** The keyword or method token spelled `image`, if it is one. */
export function wordToken(image: string): TokenType | undefined {
  return wordTokenAt(image, 0, image.length);
}

/** The keyword or method token spelled by text[start, end), if it is one; compares in place, slicing nothing. */
export function wordTokenAt(text: string, start: number, end: number): TokenType | undefined {
  const bucket = WORDS_BY_LENGTH[end - start];
  if (!bucket) return undefined;
  for (const entry of bucket) if (text.startsWith(entry.word, start)) return entry.type;
  return undefined;
}

function keyword(word: string, stray = false): TokenType {
  const name = word[0].toUpperCase() + word.slice(1);
  const type = defineToken({ name: `Kw${name.replace(/_(.)/g, (_, c: string) => c.toUpperCase())}`, categories: stray ? [Name, Stray, Any] : [Name, Any] });
  addWord(word, type);
  return type;
}

export const Flow = keyword("flow");
export const Connection = keyword("connection");
export const Bearer = keyword("bearer");
export const Basic = keyword("basic");
export const ApiKey = keyword("api_key");
// Words that only ever follow another word on its line: a line never starts with them.
export const Env = keyword("env", true);
export const Secret = keyword("secret", true);
export const Domain = keyword("domain");
export const Say = keyword("say");
export const Ask = keyword("ask");
export const As = keyword("as", true);
export const Call = keyword("call");
export const Description = keyword("description");
export const Header = keyword("header");
export const Body = keyword("body");
export const Example = keyword("example");
export const Save = keyword("save");
export const Test = keyword("test");
export const On = keyword("on");
export const Success = keyword("success", true);
export const Failure = keyword("failure", true);
export const Menu = keyword("menu");
export const Option = keyword("option");
export const Goto = keyword("goto");
export const Handoff = keyword("handoff");
export const End = keyword("end");

export const Method = defineToken({ name: "Method", categories: [Name, Any] });
for (const method of HTTP_METHODS) addWord(method, Method);

// Hints let the lexer keep its first-character dispatch with custom patterns in the set.
const PRINTABLE_ASCII = Array.from({ length: 94 }, (_, i) => String.fromCharCode(33 + i));

/**
 * Where the URL starting at `offset` ends, or -1 when none starts there: a URL is the rest of a
 * request line, only right after a method on the same line; a `#` there is the URL's.
 */
export function urlEnd(text: string, offset: number, previous: IToken | undefined): number {
  // This runs at every token: a method starts with a capital letter, so most words are passed over at once.
  const first = previous ? previous.image.charCodeAt(0) : 0;
  if (first < 65 || first > 90 || wordToken(previous!.image) !== Method) return -1;
  return urlEndAfterMethod(text, offset, previous!.startOffset, previous!.startOffset + previous!.image.length);
}

/** urlEnd, for a caller that knows the token before `offset` is a method at text[methodStart, methodEnd). */
export function urlEndAfterMethod(text: string, offset: number, methodStart: number, methodEnd: number): number {
  if (!startsLine(text, methodStart) || hasLineBreak(text, methodEnd, offset)) return -1;
  let end = offset;
  while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
  while (end > offset && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  return end > offset ? end : -1;
}

const matchUrl: CustomPatternMatcherFunc = (text, offset, tokens) => matchTo(text, offset, urlEnd(text, offset, tokens[tokens.length - 1]));
export const Url = defineToken({ name: "Url", pattern: matchUrl, line_breaks: false, start_chars_hint: PRINTABLE_ASCII, categories: [Stray, Any] });

/** `body` or `example` (language.ts JSON_VALUE_WORDS), compared without hashing: this runs at every token. */
function isJsonWord(image: string): boolean {
  return image === JSON_VALUE_WORDS[0] || image === JSON_VALUE_WORDS[1];
}

/**
 * Where the JSON value after `body` or `example` (see json-extent.ts) that starts at `offset`
 * ends, or -1 when none starts there. It starts on the keyword's line, or on the next line when
 * that line starts an object or array (a pasted body under a bare `body`).
 */
export function jsonBodyEnd(text: string, offset: number, previous: IToken | undefined): number {
  if (!previous || !isJsonWord(previous.image)) return -1;
  return jsonBodyEndAfterKeyword(text, offset, previous.startOffset, previous.startOffset + previous.image.length);
}

/** jsonBodyEnd, for a caller that knows the token before `offset` is `body` or `example` at text[keywordStart, keywordEnd). */
export function jsonBodyEndAfterKeyword(text: string, offset: number, keywordStart: number, keywordEnd: number): number {
  if (!startsLine(text, keywordStart)) return -1;
  const first = text.charCodeAt(offset);
  if (hasLineBreak(text, keywordEnd, offset) && !((first === 123 && text.charCodeAt(offset + 1) !== 123) || first === 91)) return -1;
  const extent = jsonValueExtent(text, offset);
  return extent.end > offset ? extent.end : -1;
}

const matchJsonValue: CustomPatternMatcherFunc = (text, offset, tokens) => matchTo(text, offset, jsonBodyEnd(text, offset, tokens[tokens.length - 1]));
export const JsonBody = defineToken({ name: "JsonBody", pattern: matchJsonValue, line_breaks: true, start_chars_hint: PRINTABLE_ASCII, categories: [Stray, Any] });

export const StringLiteral = defineToken({ name: "StringLiteral", pattern: /"(?:[^"\\\r\n]|\\.)*"/, categories: [StringLike, Stray, Any] });
/** A string whose closing quote is missing: kept so the rest of the line is not re-lexed as code. */
export const UnterminatedString = defineToken({ name: "UnterminatedString", pattern: /"(?:[^"\\\r\n]|\\.)*\\?/, categories: [StringLike, Stray, Any] });
export const LCurly = defineToken({ name: "LCurly", pattern: "{", categories: [Stray, Any] });
export const RCurly = defineToken({ name: "RCurly", pattern: "}", categories: [Any] });
export const LBracket = defineToken({ name: "LBracket", pattern: "[", categories: [Stray, Any] });
export const RBracket = defineToken({ name: "RBracket", pattern: "]", categories: [Stray, Any] });
export const Dot = defineToken({ name: "Dot", pattern: ".", categories: [Stray, Any] });
export const Equals = defineToken({ name: "Equals", pattern: "=", categories: [Stray, Any] });
export const Dollar = defineToken({ name: "Dollar", pattern: "$", categories: [Stray, Any] });
const OTHER = /[^ \t\r\n\f\vA-Za-z0-9_"{}[\].=$#]+/;
/**
 * The lexer's first-character dispatch cannot read a complement set: list the ASCII characters
 * `Other` starts with, and one character of each 255-code block above (the dispatch's buckets).
 */
const OTHER_START: number[] = [];
for (let c = 0; c < 256; c++) if (OTHER.test(String.fromCharCode(c))) OTHER_START.push(c);
for (let c = 256; c < 0x10000; c += 255) OTHER_START.push(c);
/** Whatever no other token matches (`:`, `,`, `@`, NUL, U+FFFD, …), a run at a time. */
export const Other = defineToken({ name: "Other", pattern: OTHER, start_chars_hint: OTHER_START, categories: [Stray, Any] });

export const KEYWORD_TOKENS = [Flow, Connection, Bearer, Basic, ApiKey, Env, Secret, Domain, Say, Ask, As, Call, Description, Header, Body, Example, Save, Test, On, Success, Failure, Menu, Option, Goto, Handoff, End];

/** The `Name` category's members: identifiers, keywords and methods (known without Chevrotain's category maps). */
export const NAME_TYPES: ReadonlySet<TokenType> = new Set([Identifier, Method, ...KEYWORD_TOKENS]);

/** What the lexer matches, in order: custom patterns first (they only match in their place). */
export const LEXER_TOKENS: TokenType[] = [
  WhiteSpace, Url, Comment, JsonBody, Identifier,
  StringLiteral, UnterminatedString, LCurly, RCurly, LBracket, RBracket, Dot, Equals, Dollar, Other,
];

/** The parser's vocabulary: the lexed tokens, the retyped words and the categories. */
export const ALL_TOKENS: TokenType[] = [...LEXER_TOKENS, Method, ...KEYWORD_TOKENS, Name, Stray, StringLike, Any];

/** Only a keyword that begins its line starts a request line or a body: `save x = body[0]` is a path. */
function startsLine(text: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}


/** A custom pattern's answer: the match text[start, end), or null for end -1. */
function matchTo(text: string, start: number, end: number): RegExpExecArray | null {
  if (end < 0) return null;
  const match = [text.slice(start, end)] as unknown as RegExpExecArray;
  match.index = start;
  match.input = text;
  return match;
}

export type Token = IToken;
