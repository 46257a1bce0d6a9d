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
import * as T from "./tokens";
import type * as A from "./ast";
import { MAX_BLOCK_DEPTH } from "../language";
import { identifier, jsonValue, spanBetween, spanOf, stringLiteral, urlText } from "./ast-builders";
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

/** Token types of the `Name` category (identifiers, keywords, methods), by tokenTypeIdx. */
const IS_NAME: boolean[] = [];
for (const type of [T.Identifier, T.Method, ...T.KEYWORD_TOKENS]) IS_NAME[type.tokenTypeIdx!] = true;

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
  /** The next token (Chevrotain's LA(1)); undefined at the end. */
  private next: IToken | undefined;
  /** The token read last (LA(0)). */
  private last: IToken | undefined;
  private blockDepth = 0;

  constructor(private readonly scanner: FlowScanner, private readonly text: string) {
    this.next = scanner.next();
  }

  file(): StrictParse {
    const out: StrictParse = { titles: [], connections: [], steps: [], comments: this.scanner.comments };
    while (this.next) {
      this.blockDepth = 0;
      const type = this.next.tokenType;
      if (type === T.Flow) out.titles.push(this.flowTitle());
      else if (type === T.Connection) out.connections.push(this.connection());
      else out.steps.push(this.step());
    }
    return out;
  }

  // ---------- tokens ----------

  private peekType(): TokenType | undefined {
    return this.next?.tokenType;
  }

  /** The next token, read. */
  private advance(): IToken {
    const tok = this.next!;
    this.last = tok;
    this.next = this.scanner.next();
    return tok;
  }

  private consume(type: TokenType): IToken {
    if (this.next?.tokenType !== type) throw GIVE_UP;
    return this.advance();
  }

  /** Whether the next token exists and is on the same line as (or, with `touching`, right after) the last one. */
  private follows(touching: boolean): boolean {
    const prev = this.last;
    if (!prev || !this.next) return false;
    const nextStart = this.next.startOffset;
    const from = prev.startOffset + prev.image.length;
    if (touching) return from === nextStart;
    const text = this.text;
    for (let k = from; k < nextStart; k++) {
      const c = text.charCodeAt(k);
      if (c === 10 || c === 13) return false;
    }
    return true;
  }

  private nextIsName(): boolean {
    return this.next !== undefined && IS_NAME[this.next.tokenTypeIdx] === true;
  }

  private nextIsString(): boolean {
    // An unterminated string is a syntax error: no rule here reads one, so the reader gives up at it.
    return this.peekType() === T.StringLiteral;
  }

  /** parser.ts nameAt: a name on the statement's own line. */
  private nameAt(): A.Identifier {
    if (!this.nextIsName() || !this.follows(false)) throw GIVE_UP;
    return identifier(this.advance());
  }

  /** parser.ts str: a string, on any line. */
  private str(): A.StringLiteral {
    return stringLiteral(this.consume(T.StringLiteral));
  }

  private optionalStr(): A.StringLiteral | undefined {
    return this.nextIsString() ? this.str() : undefined;
  }

  private enterBlock(): void {
    if (++this.blockDepth > MAX_BLOCK_DEPTH) throw GIVE_UP;
  }

  // ---------- top level ----------

  private flowTitle(): A.FlowTitle {
    const kw = this.consume(T.Flow);
    const name = this.optionalStr();
    return { span: spanBetween(kw, name?.span), name };
  }

  private connection(): A.Connection {
    const kw = this.consume(T.Connection);
    const name = this.nameAt();
    const auth: A.ConnectionAuth[] = [];
    const domains: A.StringLiteral[] = [];
    const open = this.consume(T.LCurly);
    for (;;) {
      const type = this.peekType();
      if (type === T.Bearer || type === T.Basic || type === T.ApiKey) auth.push(this.connectionAuth(type));
      else if (type === T.Domain) {
        this.advance();
        domains.push(this.str());
      } else break;
    }
    const close = this.consume(T.RCurly);
    return { span: spanBetween(kw, close), name, auth, domains, blockSpan: { start: open.startOffset, end: close.startOffset + 1 } };
  }

  private connectionAuth(type: TokenType): A.ConnectionAuth {
    const kw = this.consume(type);
    if (type === T.Bearer) {
      const source = this.optionalSecretSource();
      return { kind: "bearer", span: spanBetween(kw, source?.span), source };
    }
    if (type === T.Basic) {
      const user = this.optionalStr();
      const source = this.optionalSecretSource();
      return { kind: "basic", span: spanBetween(kw, source?.span ?? user?.span), user, source };
    }
    const header = this.optionalStr();
    const source = this.optionalSecretSource();
    return { kind: "api_key", span: spanBetween(kw, source?.span ?? header?.span), header, source };
  }

  private optionalSecretSource(): A.SecretSource | undefined {
    const type = this.peekType();
    if (type === T.Env) {
      const kw = this.consume(T.Env);
      const name = this.nameAt();
      return { kind: "env", name: name.name, span: spanBetween(kw, name.span) };
    }
    if (type === T.Secret) {
      const kw = this.consume(T.Secret);
      const key = this.str();
      return { kind: "secret", key: key.value, span: spanBetween(kw, key.span) };
    }
    return undefined;
  }

  // ---------- steps ----------

  private step(): A.Step {
    switch (this.peekType()) {
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
    while (this.peekType() !== T.RCurly) steps.push(this.step());
    return steps;
  }

  private say(): A.SayStep {
    const kw = this.consume(T.Say);
    const text = this.str();
    return { kind: "say", span: spanBetween(kw, text.span), keywordSpan: spanOf(kw), text };
  }

  private ask(): A.AskStep {
    const kw = this.consume(T.Ask);
    const variable = this.nameAt();
    const prompt = this.str();
    let type: A.Identifier | undefined;
    if (this.peekType() === T.As) {
      this.advance();
      type = this.nameAt();
    }
    return { kind: "ask", span: spanBetween(kw, type?.span ?? prompt.span), keywordSpan: spanOf(kw), variable, prompt, type };
  }

  private call(): A.CallStep {
    const kw = this.consume(T.Call);
    const name = this.nameAt();
    const displayName = this.optionalStr();
    const open = this.consume(T.LCurly);
    this.enterBlock();
    const step: A.CallStep = {
      kind: "call", keywordSpan: spanOf(kw), name, displayName, blockSpan: undefined, span: spanOf(kw),
      descriptions: [], requests: [], connections: [], headers: [], bodies: [], examples: [], saves: [], tests: [],
    };
    // A step here is out of place or a sign of a missing `}` (parser.ts tells which): callItem gives up on it.
    while (this.peekType() !== T.RCurly) this.callItem(step);
    this.blockDepth--;
    const close = this.consume(T.RCurly);
    step.blockSpan = { start: open.startOffset, end: close.startOffset + 1 };
    step.span = spanBetween(kw, close);
    return step;
  }

  /** One line of a call block, added to `step` where parser.ts's call rule files it. */
  private callItem(step: A.CallStep): void {
    const type = this.peekType();
    const kw = this.next!;
    if (type === T.Description) {
      this.advance();
      step.descriptions.push(this.str());
    } else if (type === T.Method) {
      this.advance();
      const u = this.peekType() === T.Url ? urlText(this.advance()) : undefined;
      step.requests.push({ span: spanBetween(kw, u?.span), method: { value: kw.image as A.HttpMethod, span: spanOf(kw) }, url: u });
    } else if (type === T.Connection) {
      this.advance();
      const name = this.nameAt();
      step.connections.push({ span: spanBetween(kw, name.span), name });
    } else if (type === T.Header) {
      this.advance();
      const name = this.str();
      const value = this.optionalStr();
      step.headers.push({ span: spanBetween(kw, value?.span ?? name.span), name, value });
    } else if (type === T.Body || type === T.Example) {
      this.advance();
      const j = this.peekType() === T.JsonBody ? jsonValue(this.advance()) : undefined;
      const line = { span: spanBetween(kw, j?.span), keywordSpan: spanOf(kw), json: j };
      if (type === T.Body) step.bodies.push(line);
      else step.examples.push(line);
    } else if (type === T.Save) {
      this.advance();
      const variable = this.nameAt();
      this.consume(T.Equals);
      const path = this.responsePath();
      step.saves.push({ span: spanBetween(kw, path.span), variable, path });
    } else if (type === T.Test) {
      this.advance();
      const variable = this.nameAt();
      this.consume(T.Equals);
      const value = this.str();
      step.tests.push({ span: spanBetween(kw, value.span), variable, value });
    } else if (type === T.On) {
      const branch = this.branch();
      if (branch.outcome === "success") step.onSuccess ??= branch;
      else step.onFailure ??= branch;
    } else throw GIVE_UP;
  }

  private branch(): A.Branch {
    const kw = this.consume(T.On);
    const type = this.peekType();
    if (type !== T.Success && type !== T.Failure) throw GIVE_UP;
    this.advance();
    this.consume(T.LCurly);
    this.enterBlock();
    const steps = this.steps();
    this.blockDepth--;
    const close = this.consume(T.RCurly);
    return { span: spanBetween(kw, close), outcome: type === T.Success ? "success" : "failure", steps };
  }

  private responsePath(): A.ResponsePath {
    if (!this.follows(false)) throw GIVE_UP;
    const segments: A.PathSegment[] = [];
    const first = this.next!;
    let start: IToken;
    let end: IToken;
    if (first.tokenType === T.Dollar) {
      start = end = this.advance();
    } else if (IS_NAME[first.tokenTypeIdx]) {
      start = end = this.advance();
      segments.push(keySegment(start));
    } else if (first.tokenType === T.LBracket) {
      start = first;
      end = this.bracketSegment(segments);
    } else throw GIVE_UP;
    // A path has no spaces: what follows a space is the next statement.
    while (this.follows(true)) {
      const type = this.peekType();
      if (type === T.Dot) {
        this.advance();
        if (!this.follows(true) || !this.nextIsName()) throw GIVE_UP;
        end = this.advance();
        segments.push(keySegment(end));
      } else if (type === T.LBracket) {
        end = this.bracketSegment(segments);
      } else break;
    }
    return { span: spanBetween(start, spanOf(end)), segments };
  }

  /** `[ "key" ]` or `[ name ]` / `[ 0 ]`, its segment pushed to `segments`; returns the `]`. */
  private bracketSegment(segments: A.PathSegment[]): IToken {
    this.consume(T.LBracket);
    if (this.nextIsString()) {
      const s = this.str();
      segments.push({ kind: "key", key: s.value, span: s.span });
    } else if (this.nextIsName()) {
      const n = this.advance();
      segments.push(/^\d+$/.test(n.image) ? { kind: "index", index: Number(n.image), span: spanOf(n) } : keySegment(n));
    } else throw GIVE_UP;
    return this.consume(T.RBracket);
  }

  private menu(): A.MenuStep {
    const kw = this.consume(T.Menu);
    const name = this.nameAt();
    const question = this.optionalStr();
    const open = this.consume(T.LCurly);
    this.enterBlock();
    const options: A.MenuOption[] = [];
    while (this.peekType() !== T.RCurly) {
      if (this.peekType() !== T.Option) throw GIVE_UP;
      options.push(this.menuOption());
    }
    this.blockDepth--;
    const close = this.consume(T.RCurly);
    return {
      kind: "menu", keywordSpan: spanOf(kw), name, question, options, blockSpan: { start: open.startOffset, end: close.startOffset + 1 },
      span: spanBetween(kw, close),
    };
  }

  private menuOption(): A.MenuOption {
    const kw = this.consume(T.Option);
    const label = this.optionalStr();
    this.consume(T.LCurly);
    this.enterBlock();
    const steps = this.steps();
    this.blockDepth--;
    const close = this.consume(T.RCurly);
    return { span: spanBetween(kw, close), label, steps };
  }

  private goto(): A.GotoStep {
    const kw = this.consume(T.Goto);
    const target = this.nameAt();
    return { kind: "goto", span: spanBetween(kw, target.span), keywordSpan: spanOf(kw), target };
  }

  private handoff(): A.HandoffStep {
    const kw = this.consume(T.Handoff);
    const message = this.optionalStr();
    return { kind: "handoff", span: spanBetween(kw, message?.span), keywordSpan: spanOf(kw), message };
  }

  private end(): A.EndStep {
    const kw = this.consume(T.End);
    return { kind: "end", span: spanOf(kw), keywordSpan: spanOf(kw) };
  }
}

function keySegment(tok: IToken): A.PathSegment {
  return { kind: "key", key: tok.image, span: spanOf(tok) };
}
