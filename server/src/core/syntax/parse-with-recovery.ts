// The recovering parse: Chevrotain's parser (parser.ts) reads any file, and
// what it reports becomes `syntax` diagnostics, one per mistake. parse.ts
// comes here only for a file the strict parser gave up on.

import { EOF, type IRecognitionException, type IToken, type TokenType } from "chevrotain";
import { FlowParser } from "./parser";
import { tokenizeFlow } from "./lexer";
import * as T from "./tokens";
import type * as A from "./ast";
import { commentSpans, spanOf } from "./ast-builders";
import type { Diagnostic, Span } from "../types";
import { MAX_BLOCK_DEPTH } from "../language";
import { EXPECTED_CLOSE, EXPECTED_END } from "./error-messages";
import { hasLineBreak } from "../text/line-breaks";
import type { ParseResult } from "./parse-result";

// One parser for the process: building it (self-analysis) costs far more than a parse.
let parser: FlowParser | undefined;

const TOP_LEVEL_START = new Set([T.Flow, T.Connection, T.Say, T.Ask, T.Call, T.Menu, T.Goto, T.Handoff, T.End]);

/** Any file, read by Chevrotain's parser (parser.ts) with recovery: what it could read, and a diagnostic per mistake. */
export function parseWithRecovery(text: string): ParseResult {
  // Built before lexing: building it completes the token types (their indices), which the tokens copy.
  parser ??= new FlowParser();
  const lexed = tokenizeFlow(text);
  const diagnostics: Diagnostic[] = [];
  // Every character lexes to some token (tokens.ts `Other`), so the lexer reports no errors of its own.
  const tokens = lexed.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    if (tok.tokenType === T.UnterminatedString) {
      diagnostics.push(syntaxError({ start: tok.startOffset + tok.image.length, end: tok.startOffset + tok.image.length }, "This string has no closing quote \""));
    }
  }

  const ast: A.FlowFile = { span: { start: 0, end: text.length }, titles: [], connections: [], steps: [], comments: commentSpans(lexed.groups.comments ?? []) };
  // One run over all tokens: the file rule reads every token (stray lines included), so there is
  // no leftover to resume after.
  parser.prepare(tokens, text);
  withoutStackTraces(() => parser!.file());
  const errors = parser.errors;
  // Before the parser's own errors: at one place, "expected a name" says more than what recovery expected next.
  for (const m of parser.missing) diagnostics.push(syntaxError({ start: m.offset, end: m.offset }, `Incomplete statement: expected ${m.expected}`));
  for (const e of errors) {
    diagnostics.push(fromParserError(e, text));
    // Recovery may skip tokens up to a place it can resume at: report skipped lines after the error's own.
    if (e.resyncedTokens?.length && !Number.isNaN(e.token.startOffset)) {
      const hint = e.message === EXPECTED_END ? TOP_LEVEL_HINT : BLOCK_HINT;
      diagnostics.push(...strayDiagnostics([e.token, ...e.resyncedTokens], text, new Set([e.token.startOffset]), hint));
    }
  }
  // A line an error above already points into is not reported again.
  const reported = new Set(errors.map((e) => e.token.startOffset));
  diagnostics.push(...strayDiagnostics(parser.strays, text, reported));
  diagnostics.push(...strayDiagnostics(parser.topStrays, text, reported, TOP_LEVEL_HINT));
  for (const m of parser.misplaced) {
    const word = text.slice(m.keyword.start, m.keyword.end);
    diagnostics.push(syntaxError(m.keyword, MISPLACED[m.container](word)));
  }
  for (const open of parser.tooDeep) {
    diagnostics.push(syntaxError(open, `Blocks nest at most ${MAX_BLOCK_DEPTH} levels deep: this block and what it holds are not read`));
  }
  for (const item of parser.items) {
    if (item.kind === "title") ast.titles.push(item.value);
    else if (item.kind === "connection") ast.connections.push(item.value);
    else ast.steps.push(item.value);
  }
  diagnostics.sort((a, b) => a.span.start - b.span.start);
  return { ast, diagnostics: diagnostics.filter((d, i) => i === 0 || !sameEmptySpan(d.span, diagnostics[i - 1].span)) };
}

const STATEMENT_KEYWORDS: ReadonlySet<TokenType> = new Set([...TOP_LEVEL_START, T.Description, T.Method, T.Header, T.Body, T.Example, T.Save, T.Test, T.On, T.Option, T.Bearer, T.Basic, T.ApiKey, T.Domain]);
const MISPLACED = {
  call: (word: string) => `${word} cannot be used directly in a call step: put it inside on success { } or on failure { }`,
  menu: (word: string) => `${word} cannot be used directly in a menu: put it inside an option "…" { }`,
  branch: (word: string) => `${word} cannot be used inside on success or on failure: it belongs directly in the call step`,
  option: (word: string) => `${word} cannot be used inside a menu option: it belongs directly in a call step`,
};

const CALL_ITEMS: ReadonlySet<TokenType> = new Set([T.Description, T.Method, T.Header, T.Body, T.Example, T.Save, T.Test, T.On, T.Success, T.Failure]);

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
    const image = text.slice(run.span.start, Math.min(run.span.end, run.span.start + 200));
    const why = strayReason(run.first.tokenType, hint);
    out.push(syntaxError(run.span, `Unexpected ${quote(image)}: ${why}`));
  };
  for (const tok of strays) {
    const s = spanOf(tok);
    const known = reported?.has(tok.startOffset) ?? false;
    if (run && !hasLineBreak(text, run.span.end, s.start)) {
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
  if (Number.isNaN(tok.startOffset) || tok.tokenType === EOF) {
    const at = prevEnd ?? text.length;
    return syntaxError({ start: at, end: at }, expectation(e.message));
  }
  // A statement cut short at the end of its line: point there, not at the next line's first token.
  if (prevEnd !== undefined && prevEnd <= tok.startOffset && hasLineBreak(text, prevEnd, tok.startOffset)) {
    return syntaxError({ start: prevEnd, end: prevEnd }, expectation(e.message));
  }
  if (e.message === EXPECTED_END) return syntaxError(spanOf(tok), `${unexpected(tok)}: ${strayReason(tok.tokenType, TOP_LEVEL_HINT)}`);
  return syntaxError(spanOf(tok), `${unexpected(tok)}${e.message ? `: ${e.message}` : ""}`);
}

function unexpected(tok: IToken): string {
  return `Unexpected ${quote(tok.image)}`;
}

/** Source text for a one-line message: `"b"` reads better as '"b"' than as "\"b\"". */
function quote(image: string): string {
  const line = image.slice(0, 200).replace(/\s*[\r\n]\s*/g, " ");
  const short = line.length > 40 ? `${line.slice(0, 40)}…` : line;
  if (!short.includes("\"")) return `"${short}"`;
  if (!short.includes("'")) return `'${short}'`;
  return JSON.stringify(short);
}

/** The sentence for a statement that stops before a part it needs; `expected` comes from error-messages.ts. */
function expectation(expected: string): string {
  if (expected === EXPECTED_CLOSE) return "Missing }: a block opened above is not closed";
  return expected && expected !== EXPECTED_END ? `Incomplete statement: ${expected}` : "Incomplete statement";
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
