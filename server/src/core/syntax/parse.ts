// parse(text) → AST + `syntax` diagnostics. Never throws: lexer errors, parser
// errors and any leftover the parser could not place become diagnostics, and
// parsing resumes at the next top-level statement so later text is still read.

import { Lexer, type IRecognitionException, type IToken } from "chevrotain";
import { FlowParser } from "./parser";
import * as T from "./tokens";
import type * as A from "./ast";
import { spanOf } from "./ast-builders";
import type { Diagnostic, Span } from "../types";

export interface ParseResult {
  ast: A.FlowFile;
  /** `syntax` diagnostics only; the rules add the rest */
  diagnostics: Diagnostic[];
}

const lexer = new Lexer(T.ALL_TOKENS, { positionTracking: "onlyOffset", ensureOptimizations: false });
// One parser for the process: building it (self-analysis) costs far more than a parse.
let parser: FlowParser | undefined;

const TOP_LEVEL_START = new Set([T.Flow, T.Connection, T.Say, T.Ask, T.Call, T.Menu, T.Goto, T.Handoff, T.End]);

export function parse(text: string): ParseResult {
  parser ??= new FlowParser();
  const diagnostics: Diagnostic[] = [];
  const lexed = lexer.tokenize(text);
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
    parser.text = text;
    const items = parser.file();
    for (const e of parser.errors) diagnostics.push(fromParserError(e, text));
    diagnostics.push(...strayDiagnostics(parser.strays, text));
    for (const m of parser.missing) diagnostics.push(syntaxError({ start: m.offset, end: m.offset }, `Incomplete statement: expected ${m.expected}`));
    for (const item of items ?? []) {
      if (item.kind === "title") ast.titles.push(item.value);
      else if (item.kind === "connection") ast.connections.push(item.value);
      else ast.steps.push(item.value);
    }
    // The parser stops at a token no top-level item can start with; report it once and resume.
    const consumed = position + parser.consumed;
    if (consumed >= tokens.length) break;
    const stray = tokens[consumed];
    if (!parser.errors.some((e) => e.token.startOffset === stray.startOffset)) {
      diagnostics.push(syntaxError(spanOf(stray), unexpected(stray)));
    }
    // A statement keyword the parser stopped before starts the next round; anything else is skipped up to one.
    let next = consumed > position && TOP_LEVEL_START.has(stray.tokenType) ? consumed : consumed + 1;
    while (next < tokens.length && !TOP_LEVEL_START.has(tokens[next].tokenType)) next++;
    position = next;
  }
  diagnostics.sort((a, b) => a.span.start - b.span.start);
  return { ast, diagnostics };
}

/** One diagnostic per run of skipped tokens on one line. */
function strayDiagnostics(strays: IToken[], text: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  let run: Span | undefined;
  const flush = () => {
    if (!run) return;
    const image = text.slice(run.start, run.end);
    out.push(syntaxError(run, `Unexpected ${JSON.stringify(image.length > 40 ? `${image.slice(0, 40)}…` : image)}: a statement starts with a keyword such as say, ask, call, save or on`));
    run = undefined;
  };
  for (const tok of strays) {
    const s = spanOf(tok);
    if (run && !/[\r\n]/.test(text.slice(run.end, s.start))) run.end = s.end;
    else {
      flush();
      run = s;
    }
  }
  flush();
  return out;
}

function fromParserError(e: IRecognitionException, text: string): Diagnostic {
  const tok = e.token;
  if (Number.isNaN(tok.startOffset) || tok.tokenType.name === "EOF") {
    const prev = (e as { previousToken?: IToken }).previousToken;
    const at = prev && !Number.isNaN(prev.startOffset) ? prev.startOffset + prev.image.length : text.length;
    return syntaxError({ start: at, end: at }, expectation(e.message));
  }
  if (/--> EOF <--/.test(e.message)) return syntaxError(spanOf(tok), `${unexpected(tok)}: no block is open here`);
  return syntaxError(spanOf(tok), `${unexpected(tok)}${expectedSuffix(e.message)}`);
}

function unexpected(tok: IToken): string {
  const image = tok.image.length > 40 ? `${tok.image.slice(0, 40)}…` : tok.image;
  return `Unexpected ${JSON.stringify(image)}`;
}

/** Chevrotain's messages list token names; say them as the author writes them. */
function expectation(message: string): string {
  const suffix = expectedSuffix(message);
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


function syntaxError(span: Span, message: string): Diagnostic {
  return { code: "syntax", severity: "error", message, span };
}
