// The fast path of parse(): a plain recursive-descent reading of a file that
// has no syntax error, giving up (undefined) at the first token that is not
// what a correct file has there. Most files an author has open, and every
// file a check or a test call runs on, are such files; they are read here in
// one pass with no recovery bookkeeping, and Chevrotain's parser (parser.ts),
// whose construction alone costs 20–40 ms at every start, is only built for
// a file that needs its recovery.
//
// parser.ts stays the grammar's specification: on every text where this
// parser answers, its tree must equal the one parser.ts builds, and it must
// answer exactly when parser.ts reports no syntax error
// (test/core/syntax/strict-parser-oracle.test.ts). So each rule below mirrors
// the rule of the same name there, with every place parser.ts would report
// (a missing part, a stray line, a step out of place, a block too deep)
// turned into giving up. parser.ts's indentation gates, which tell a missing
// `}` from a statement out of place, need no mirror: both are errors, and
// each gate only looks at a statement that cannot stand where it is. Objects are built with the same keys in the same
// order, so both trees have the same shape.
//
// Recursion follows block nesting, which is bounded: a block deeper than
// MAX_BLOCK_DEPTH is a syntax error, so this parser gives up there.

import type { IToken, TokenType } from "chevrotain";
import type { Span } from "../types";
import * as T from "./tokens";
import type * as A from "./ast";
import { MAX_BLOCK_DEPTH } from "../language";
import { identifierOf, jsonValueOf, stringLiteralAt, urlTextOf } from "./ast-builders";
import { FlowScanner } from "./lexer";

/** What parse() keeps of a file read without error. */
export interface StrictParse {
  titles: A.FlowTitle[];
  connections: A.Connection[];
  steps: A.Step[];
  /** every comment's token */
  comments: IToken[];
}

/** Thrown at the first place the file differs from a correct one; caught once, in parseStrict. */
const GIVE_UP = Object.freeze({ giveUp: true });


/**
 * The file's items, or undefined when it has any syntax error (then parser.ts reads it). Tokens
 * come from the scanner one at a time and none is kept (see FlowScanner).
 */
export function parseStrict(text: string): StrictParse | undefined {
  const reader = new StrictReader(new FlowScanner(text), text);
  try {
    return reader.file();
  } catch (e) {
    if (e === GIVE_UP) return undefined;
    throw e;
  }
}

class StrictReader {
  /** End of the token read last (Chevrotain's LA(0)); -1 before the first. */
  private lastEnd = -1;
  private blockDepth = 0;

  /** `s` is on the next token (LA(1)): its type, start and end. */
  constructor(private readonly s: FlowScanner, private readonly text: string) {
    s.advance();
  }

  file(): StrictParse {
    const out: StrictParse = { titles: [], connections: [], steps: [], comments: this.s.comments };
    for (let type = this.s.type; type; type = this.s.type) {
      this.blockDepth = 0;
      if (type === T.Flow) out.titles.push(this.flowTitle());
      else if (type === T.Connection) out.connections.push(this.connection());
      else out.steps.push(this.step());
    }
    return out;
  }

  // ---------- tokens ----------

  /** Reads the next token, which must be of `type`; returns where it starts. */
  private expect(type: TokenType): number {
    const s = this.s;
    if (s.type !== type) throw GIVE_UP;
    const start = s.start;
    this.lastEnd = s.end;
    s.advance();
    return start;
  }

  /** Reads the next token, whatever it is. */
  private skip(): void {
    this.lastEnd = this.s.end;
    this.s.advance();
  }

  /** Reads the next token, which must be of `type`; returns its span. */
  private take(type: TokenType): Span {
    const end = this.s.end;
    return { start: this.expect(type), end };
  }

  /** Whether the next token exists and is on the same line as (or, with `touching`, right after) the last one. */
  private follows(touching: boolean): boolean {
    const from = this.lastEnd;
    if (from < 0 || !this.s.type) return false;
    const nextStart = this.s.start;
    if (touching) return from === nextStart;
    const text = this.text;
    for (let k = from; k < nextStart; k++) {
      const c = text.charCodeAt(k);
      if (c === 10 || c === 13) return false;
    }
    return true;
  }

  private nextIsName(): boolean {
    const type = this.s.type;
    return type !== undefined && T.NAME_TYPES.has(type);
  }

  private nextIsString(): boolean {
    // An unterminated string is a syntax error: no rule here reads one, so the reader gives up at it.
    return this.s.type === T.StringLiteral;
  }

  /** parser.ts nameAt: a name on the statement's own line. */
  private nameAt(): A.Identifier {
    if (!this.nextIsName() || !this.follows(false)) throw GIVE_UP;
    const id = identifierOf(this.s.image(), this.s.start);
    this.skip();
    return id;
  }

  /** parser.ts str: a string, on any line. */
  private str(): A.StringLiteral {
    const s = this.s;
    if (s.type !== T.StringLiteral) throw GIVE_UP;
    const literal = stringLiteralAt(this.text, s.start, s.end, true);
    this.skip();
    return literal;
  }

  private optionalStr(): A.StringLiteral | undefined {
    return this.nextIsString() ? this.str() : undefined;
  }

  /** Reads a block's `{`, one level deeper (a block too deep is a syntax error); returns where it starts. */
  private openBlock(): number {
    const open = this.expect(T.LCurly);
    if (++this.blockDepth > MAX_BLOCK_DEPTH) throw GIVE_UP;
    return open;
  }

  /** Reads a block's `}`; returns where it ends. */
  private closeBlock(): number {
    this.blockDepth--;
    return this.expect(T.RCurly) + 1;
  }

  // ---------- top level ----------

  private flowTitle(): A.FlowTitle {
    const kw = this.take(T.Flow);
    const name = this.optionalStr();
    return { span: between(kw, name?.span), name };
  }

  private connection(): A.Connection {
    const start = this.expect(T.Connection);
    const name = this.nameAt();
    const auth: A.ConnectionAuth[] = [];
    const domains: A.StringLiteral[] = [];
    const open = this.expect(T.LCurly);
    for (;;) {
      const type = this.s.type;
      if (type === T.Bearer || type === T.Basic || type === T.ApiKey) auth.push(this.connectionAuth(type));
      else if (type === T.Domain) {
        this.skip();
        domains.push(this.str());
      } else break;
    }
    const close = this.expect(T.RCurly);
    return { span: { start, end: close + 1 }, name, auth, domains, blockSpan: { start: open, end: close + 1 } };
  }

  private connectionAuth(type: TokenType): A.ConnectionAuth {
    const kw = this.take(type);
    if (type === T.Bearer) {
      const source = this.optionalSecretSource();
      return { kind: "bearer", span: between(kw, source?.span), source };
    }
    if (type === T.Basic) {
      const user = this.optionalStr();
      const source = this.optionalSecretSource();
      return { kind: "basic", span: between(kw, source?.span ?? user?.span), user, source };
    }
    const header = this.optionalStr();
    const source = this.optionalSecretSource();
    return { kind: "api_key", span: between(kw, source?.span ?? header?.span), header, source };
  }

  private optionalSecretSource(): A.SecretSource | undefined {
    const type = this.s.type;
    if (type === T.Env) {
      const start = this.expect(T.Env);
      const name = this.nameAt();
      return { kind: "env", name: name.name, span: { start, end: name.span.end } };
    }
    if (type === T.Secret) {
      const start = this.expect(T.Secret);
      const key = this.str();
      return { kind: "secret", key: key.value, span: { start, end: key.span.end } };
    }
    return undefined;
  }

  // ---------- steps ----------

  private step(): A.Step {
    switch (this.s.type) {
      case T.Say: return this.say();
      case T.Ask: return this.ask();
      case T.Call: return this.call();
      case T.Menu: return this.menu();
      case T.Goto: return this.goto();
      case T.Handoff: return this.handoff();
      case T.End: return this.end();
      default: throw GIVE_UP;
    }
  }

  /**
   * The steps of a branch or option block up to its `}`. A call line here is out of place or
   * (indented back) a sign of a missing `}`: parser.ts reports either, and step() gives up on it.
   */
  private steps(): A.Step[] {
    const steps: A.Step[] = [];
    while (this.s.type !== T.RCurly) steps.push(this.step());
    return steps;
  }

  private say(): A.SayStep {
    const kw = this.take(T.Say);
    const text = this.str();
    return { kind: "say", span: between(kw, text.span), keywordSpan: kw, text };
  }

  private ask(): A.AskStep {
    const kw = this.take(T.Ask);
    const variable = this.nameAt();
    const prompt = this.str();
    let type: A.Identifier | undefined;
    if (this.s.type === T.As) {
      this.skip();
      type = this.nameAt();
    }
    return { kind: "ask", span: between(kw, type?.span ?? prompt.span), keywordSpan: kw, variable, prompt, type };
  }

  private call(): A.CallStep {
    const kw = this.take(T.Call);
    const name = this.nameAt();
    const displayName = this.optionalStr();
    const open = this.openBlock();
    const step: A.CallStep = {
      kind: "call", keywordSpan: kw, name, displayName, blockSpan: undefined, span: kw,
      descriptions: [], requests: [], connections: [], headers: [], bodies: [], examples: [], saves: [], tests: [],
    };
    // A step here is out of place or a sign of a missing `}` (parser.ts tells which): callItem gives up on it.
    while (this.s.type !== T.RCurly) this.callItem(step);
    const end = this.closeBlock();
    step.blockSpan = { start: open, end };
    step.span = { start: kw.start, end };
    return step;
  }

  /** One line of a call block, added to `step` where parser.ts's call rule files it. */
  private callItem(step: A.CallStep): void {
    const s = this.s;
    const type = s.type;
    if (type === T.Description) {
      this.skip();
      step.descriptions.push(this.str());
    } else if (type === T.Method) {
      const method = { value: s.image() as A.HttpMethod, span: this.take(T.Method) };
      let url: A.UrlText | undefined;
      if (s.type === T.Url) {
        url = urlTextOf(s.image(), s.start);
        this.skip();
      }
      step.requests.push({ span: between(method.span, url?.span), method, url });
    } else if (type === T.Connection) {
      const start = this.expect(T.Connection);
      const name = this.nameAt();
      step.connections.push({ span: { start, end: name.span.end }, name });
    } else if (type === T.Header) {
      const start = this.expect(T.Header);
      const name = this.str();
      const value = this.optionalStr();
      step.headers.push({ span: { start, end: (value ?? name).span.end }, name, value });
    } else if (type === T.Body || type === T.Example) {
      const kw = this.take(type);
      let json: A.JsonValueText | undefined;
      if (s.type === T.JsonBody) {
        json = jsonValueOf(s.image(), s.start);
        this.skip();
      }
      const line = { span: between(kw, json?.span), keywordSpan: kw, json };
      if (type === T.Body) step.bodies.push(line);
      else step.examples.push(line);
    } else if (type === T.Save) {
      const start = this.expect(T.Save);
      const variable = this.nameAt();
      this.expect(T.Equals);
      const path = this.responsePath();
      step.saves.push({ span: { start, end: path.span.end }, variable, path });
    } else if (type === T.Test) {
      const start = this.expect(T.Test);
      const variable = this.nameAt();
      this.expect(T.Equals);
      const value = this.str();
      step.tests.push({ span: { start, end: value.span.end }, variable, value });
    } else if (type === T.On) {
      const branch = this.branch();
      if (branch.outcome === "success") step.onSuccess ??= branch;
      else step.onFailure ??= branch;
    } else throw GIVE_UP;
  }

  private branch(): A.Branch {
    const start = this.expect(T.On);
    const type = this.s.type;
    if (type !== T.Success && type !== T.Failure) throw GIVE_UP;
    this.skip();
    this.openBlock();
    const steps = this.steps();
    return { span: { start, end: this.closeBlock() }, outcome: type === T.Success ? "success" : "failure", steps };
  }

  private responsePath(): A.ResponsePath {
    if (!this.follows(false)) throw GIVE_UP;
    const s = this.s;
    const segments: A.PathSegment[] = [];
    const start = s.start;
    let end: number;
    if (s.type === T.Dollar) {
      end = s.end;
      this.skip();
    } else if (this.nextIsName()) {
      end = s.end;
      segments.push(this.keySegment());
    } else if (s.type === T.LBracket) {
      end = this.bracketSegment(segments);
    } else throw GIVE_UP;
    // A path has no spaces: what follows a space is the next statement.
    while (this.follows(true)) {
      if (s.type === T.Dot) {
        this.skip();
        if (!this.follows(true) || !this.nextIsName()) throw GIVE_UP;
        end = s.end;
        segments.push(this.keySegment());
      } else if (s.type === T.LBracket) {
        end = this.bracketSegment(segments);
      } else break;
    }
    return { span: { start, end }, segments };
  }

  /** The name at the scanner as a `.key` segment, read. */
  private keySegment(): A.PathSegment {
    const s = this.s;
    const segment: A.PathSegment = { kind: "key", key: s.image(), span: { start: s.start, end: s.end } };
    this.skip();
    return segment;
  }

  /** `[ "key" ]` or `[ name ]` / `[ 0 ]`, its segment pushed to `segments`; returns the end of the `]`. */
  private bracketSegment(segments: A.PathSegment[]): number {
    this.expect(T.LBracket);
    const s = this.s;
    if (this.nextIsString()) {
      const literal = this.str();
      segments.push({ kind: "key", key: literal.value, span: literal.span });
    } else if (this.nextIsName()) {
      const image = s.image();
      if (/^\d+$/.test(image)) {
        segments.push({ kind: "index", index: Number(image), span: { start: s.start, end: s.end } });
        this.skip();
      } else segments.push(this.keySegment());
    } else throw GIVE_UP;
    return this.expect(T.RBracket) + 1;
  }

  private menu(): A.MenuStep {
    const kw = this.take(T.Menu);
    const name = this.nameAt();
    const question = this.optionalStr();
    const open = this.openBlock();
    const options: A.MenuOption[] = [];
    while (this.s.type !== T.RCurly) {
      if (this.s.type !== T.Option) throw GIVE_UP;
      options.push(this.menuOption());
    }
    const end = this.closeBlock();
    return { kind: "menu", keywordSpan: kw, name, question, options, blockSpan: { start: open, end }, span: { start: kw.start, end } };
  }

  private menuOption(): A.MenuOption {
    const start = this.expect(T.Option);
    const label = this.optionalStr();
    this.openBlock();
    const steps = this.steps();
    return { span: { start, end: this.closeBlock() }, label, steps };
  }

  private goto(): A.GotoStep {
    const kw = this.take(T.Goto);
    const target = this.nameAt();
    return { kind: "goto", span: between(kw, target.span), keywordSpan: kw, target };
  }

  private handoff(): A.HandoffStep {
    const kw = this.take(T.Handoff);
    const message = this.optionalStr();
    return { kind: "handoff", span: between(kw, message?.span), keywordSpan: kw, message };
  }

  private end(): A.EndStep {
    const kw = this.take(T.End);
    return { kind: "end", span: { start: kw.start, end: kw.end }, keywordSpan: kw };
  }
}

/** ast-builders.ts spanBetween for a correct file: from the start of `first` to the end of `last`, or a copy of `first`. */
function between(first: Span, last: Span | undefined): Span {
  return { start: first.start, end: (last ?? first).end };
}
