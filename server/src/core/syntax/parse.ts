// parse(text) → AST + `syntax` diagnostics. Never throws: lexer errors, parser
// errors and any leftover the parser could not place become diagnostics, and
// parsing resumes at the next top-level statement so later text is still read.

import { type IRecognitionException, type IToken, type TokenType } from "chevrotain";
import { FlowParser } from "./parser";
import { tokenizeFlow } from "./lexer";
import * as T from "./tokens";
import type * as A from "./ast";
import { spanOf } from "./ast-builders";
import type { Diagnostic, Span } from "../types";

export interface ParseResult {
  ast: A.FlowFile;
  /** `syntax` diagnostics only; the rules add the rest */
  diagnostics: Diagnostic[];
}

// One parser for the process: building it (self-analysis) costs far more than a parse.
let parser: FlowParser | undefined;

const TOP_LEVEL_START = new Set([T.Flow, T.Connection, T.Say, T.Ask, T.Call, T.Menu, T.Goto, T.Handoff, T.End]);

export function parse(text: string): ParseResult {
  parser ??= new FlowParser();
  const diagnostics: Diagnostic[] = [];
  const lexed = tokenizeFlow(text);
  for (const e of lexed.errors) {
    diagnostics.push(syntaxError({ start: e.offset, end: e.offset + Math.max(1, e.length) }, `Unexpected character ${JSON.stringify(text.slice(e.offset, e.offset + Math.max(1, e.length)))}`));
  }
  const tokens = lexed.tokens;
  for (const tok of tokens) {
    if (tok.tokenType === T.UnterminatedString) {
      diagnostics.push(syntaxError({ start: tok.startOffset + tok.image.length, end: tok.startOffset + tok.image.length }, "This string has no closing quote \""));
    }
  }

  const ast: A.FlowFile = { span: { start: 0, end: text.length }, titles: [], connections: [], steps: [], comments: (lexed.groups.comments ?? []).map((c) => ({ start: c.startOffset, end: c.startOffset + c.image.length })) };
  let position = 0;
  while (position < tokens.length) {
    parser.input = tokens.slice(position);
    parser.strays = [];
    parser.missing = [];
    parser.misplaced = [];
    parser.text = text;
    const items = withoutStackTraces(() => parser!.file());
    // Leftover input is reported below, one diagnostic per line, instead of Chevrotain's single "expecting EOF".
    const errors = parser.errors.filter((e) => e.name !== "NotAllInputParsedException");
    // Before the parser's own errors: at one place, "expected a name" says more than what recovery expected next.
    for (const m of parser.missing) diagnostics.push(syntaxError({ start: m.offset, end: m.offset }, `Incomplete statement: expected ${m.expected}`));
    for (const e of errors) {
      diagnostics.push(fromParserError(e, text));
      // Recovery may skip tokens up to a place it can resume at: report skipped lines after the error's own.
      if (e.resyncedTokens?.length && !Number.isNaN(e.token.startOffset)) {
        const hint = /--> EOF <--/.test(e.message) ? TOP_LEVEL_HINT : BLOCK_HINT;
        diagnostics.push(...strayDiagnostics([e.token, ...e.resyncedTokens], text, new Set([e.token.startOffset]), hint));
      }
    }
    diagnostics.push(...strayDiagnostics(parser.strays, text));
    for (const m of parser.misplaced) {
      const word = text.slice(m.keyword.start, m.keyword.end);
      diagnostics.push(syntaxError(m.keyword, MISPLACED[m.container](word)));
    }
    for (const item of items ?? []) {
      if (item.kind === "title") ast.titles.push(item.value);
      else if (item.kind === "connection") ast.connections.push(item.value);
      else ast.steps.push(item.value);
    }
    // The parser stops at a token no top-level item can start with; skip to the next statement keyword and resume.
    const consumed = position + parser.consumed;
    if (consumed >= tokens.length) break;
    const stray = tokens[consumed];
    // A statement keyword the parser stopped before starts the next round; anything else is skipped up to one.
    let next = consumed > position && TOP_LEVEL_START.has(stray.tokenType) ? consumed : consumed + 1;
    while (next < tokens.length && !TOP_LEVEL_START.has(tokens[next].tokenType)) next++;
    // Every skipped line is reported once; a line an error above already points into is not reported again.
    const reported = new Set(errors.map((e) => e.token.startOffset));
    if (next === consumed) {
      if (!reported.has(stray.startOffset)) diagnostics.push(syntaxError(spanOf(stray), unexpected(stray)));
    } else {
      diagnostics.push(...strayDiagnostics(tokens.slice(consumed, next), text, reported, TOP_LEVEL_HINT));
    }
    position = next;
  }
  diagnostics.sort((a, b) => a.span.start - b.span.start);
  return { ast, diagnostics: diagnostics.filter((d, i) => i === 0 || !sameEmptySpan(d.span, diagnostics[i - 1].span)) };
}

const STATEMENT_KEYWORDS: ReadonlySet<TokenType> = new Set([...TOP_LEVEL_START, T.Description, T.Method, T.Header, T.Body, T.Save, T.Test, T.On, T.Option]);
const MISPLACED = {
  call: (word: string) => `${word} cannot be used directly in a call step: put it inside on success { } or on failure { }`,
  menu: (word: string) => `${word} cannot be used directly in a menu: put it inside an option "…" { }`,
  branch: (word: string) => `${word} cannot be used inside on success or on failure: it belongs directly in the call step`,
  option: (word: string) => `${word} cannot be used inside a menu option: it belongs directly in a call step`,
};

const CALL_ITEMS: ReadonlySet<TokenType> = new Set([T.Description, T.Method, T.Header, T.Body, T.Save, T.Test, T.On, T.Success, T.Failure]);

/** Why a token cannot stand where the parser found it. */
function strayReason(first: TokenType, hint: string): string {
  if (first === T.RCurly) return "no block is open here";
  if (CALL_ITEMS.has(first)) return "this belongs inside a call step's { }";
  if (first === T.Option) return "option belongs inside a menu's { }";
  if (STATEMENT_KEYWORDS.has(first)) return "this statement cannot be used here";
  return hint;
}

const BLOCK_HINT = "a statement starts with a keyword such as say, ask, call, save or on";
const TOP_LEVEL_HINT = "a statement starts with a keyword such as say, ask, call, menu or goto";

/** One diagnostic per run of skipped tokens on one line; runs holding a token in `reported` are left out. */
function strayDiagnostics(strays: IToken[], text: string, reported?: ReadonlySet<number>, hint = BLOCK_HINT): Diagnostic[] {
  const out: Diagnostic[] = [];
  let run: { span: Span; first: IToken; known: boolean } | undefined;
  const flush = () => {
    if (!run || run.known) return;
    const image = text.slice(run.span.start, run.span.end);
    const why = strayReason(run.first.tokenType, hint);
    out.push(syntaxError(run.span, `Unexpected ${quote(image)}: ${why}`));
  };
  for (const tok of strays) {
    const s = spanOf(tok);
    const known = reported?.has(tok.startOffset) ?? false;
    if (run && !/[\r\n]/.test(text.slice(run.span.end, s.start))) {
      run.span.end = s.end;
      run.known ||= known;
    } else {
      flush();
      run = { span: s, first: tok, known };
    }
  }
  flush();
  return out;
}

function fromParserError(e: IRecognitionException, text: string): Diagnostic {
  const tok = e.token;
  const prev = (e as { previousToken?: IToken }).previousToken;
  const prevEnd = prev && !Number.isNaN(prev.startOffset) ? prev.startOffset + prev.image.length : undefined;
  if (Number.isNaN(tok.startOffset) || tok.tokenType.name === "EOF") {
    const at = prevEnd ?? text.length;
    return syntaxError({ start: at, end: at }, expectation(e.message));
  }
  // A statement cut short at the end of its line: point there, not at the next line's first token.
  if (prevEnd !== undefined && prevEnd <= tok.startOffset && /[\r\n]/.test(text.slice(prevEnd, tok.startOffset))) {
    return syntaxError({ start: prevEnd, end: prevEnd }, expectation(e.message));
  }
  if (/--> EOF <--/.test(e.message)) return syntaxError(spanOf(tok), `${unexpected(tok)}: ${strayReason(tok.tokenType, TOP_LEVEL_HINT)}`);
  return syntaxError(spanOf(tok), `${unexpected(tok)}${expectedSuffix(e.message)}`);
}

function unexpected(tok: IToken): string {
  return `Unexpected ${quote(tok.image)}`;
}

/** Source text for a one-line message: `"b"` reads better as '"b"' than as "\"b\"". */
function quote(image: string): string {
  const line = image.replace(/\s*[\r\n]\s*/g, " ");
  const short = line.length > 40 ? `${line.slice(0, 40)}…` : line;
  if (!short.includes("\"")) return `"${short}"`;
  if (!short.includes("'")) return `'${short}'`;
  return JSON.stringify(short);
}

/** Chevrotain's messages list token names; say them as the author writes them. */
function expectation(message: string): string {
  const suffix = expectedSuffix(message);
  if (suffix === ": expected }") return "Missing }: a block opened above is not closed";
  return suffix ? `Incomplete statement${suffix}` : "Incomplete statement";
}

const TOKEN_WORDS: Record<string, string> = {
  LCurly: "{", RCurly: "}", LBracket: "[", RBracket: "]", Equals: "=", Dot: ".", Dollar: "$",
  StringLike: "a \"string\"", StringLiteral: "a \"string\"", UnterminatedString: "a \"string\"", Name: "a name", Identifier: "a name", Url: "a URL", JsonBody: "a JSON value", Method: "GET, POST, PUT, PATCH or DELETE",
};

function expectedSuffix(message: string): string {
  const m = /Expecting (?:token of type --> (\w+) <--|: one of these possible Token sequences:([\s\S]*?)but found)/.exec(message);
  if (!m) return "";
  const names = m[1] ? [m[1]] : [...new Set([...m[2].matchAll(/\[([^\]]+)\]/g)].map((x) => x[1].split(",")[0].trim()))];
  const words = [...new Set(names.map((n) => TOKEN_WORDS[n] ?? (n.startsWith("Kw") ? n.slice(2).replace(/([a-z])([A-Z])/g, "$1_$2").toLowerCase() : n)))];
  if (!words.length) return "";
  return `: expected ${words.length > 4 ? `${words.slice(0, 4).join(", ")}, …` : words.join(" or ")}`;
}


/**
 * Chevrotain's recovery throws and catches an Error per broken statement; capturing
 * their stack traces was most of the time spent parsing a broken file.
 */
function withoutStackTraces<T>(run: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return run();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** Two "incomplete statement" points at one place are one problem. */
function sameEmptySpan(a: Span, b: Span): boolean {
  return a.start === a.end && b.start === b.end && a.start === b.start;
}

function syntaxError(span: Span, message: string): Diagnostic {
  return { code: "syntax", severity: "error", message, span };
}
