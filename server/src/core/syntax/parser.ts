// The .flow grammar: one Chevrotain parser with embedded actions that builds
// the typed AST directly (no CST: about 3x faster, see docs/design.md). LL(1)
// everywhere, no backtracking. Recovery is on: a missing token is inserted, a
// stray one deleted, a broken statement skipped to the next one it can resync on.
//
// Tokens inserted by recovery have no position; `real()` turns them into
// `undefined` so the AST only holds text that is really there.
//
// Every block loop, and the file itself, accepts every token but its block's
// closing `}`: a line that starts no statement there is read as one stray line
// (to its end, braces balanced). So no loop is ever left early, Chevrotain's
// in-repetition recovery (which recurses once per re-sync) never runs, and one
// unknown line costs one diagnostic. Blocks nested deeper than MAX_BLOCK_DEPTH
// are skipped whole, which bounds the parser's recursion on any input.

import { createToken, EmbeddedActionsParser, EOF, type IOrAlt, type IToken, type TokenType } from "chevrotain";
import * as T from "./tokens";
import type * as A from "./ast";
import type { Span } from "../types";
import { MAX_BLOCK_DEPTH } from "../language";
import { identifier, stringLiteral, urlText, jsonValue, spanOf, spanBetween, tokenEnd } from "./ast-builders";
import { FLOW_ERROR_MESSAGES } from "./error-messages";

// Chevrotain's parser chooses how it matches tokens (with categories or without) from whether
// any token type already lists category members, and only then completes the types itself.
// tokens.ts makes plain types, so that a correct file never loads Chevrotain; a throwaway member
// of the four categories (no token is ever of its type) makes Chevrotain complete them first,
// as createToken did for every type before.
createToken({ name: "CategoryMember", categories: [T.Any, T.Stray, T.Name, T.StringLike] });

type CallItem =
  | { kind: "description"; value?: A.StringLiteral }
  | { kind: "request"; value: A.RequestLine }
  | { kind: "connection"; value: A.ConnectionUse }
  | { kind: "header"; value: A.HeaderLine }
  | { kind: "body"; value: A.BodyLine }
  | { kind: "example"; value: A.ExampleLine }
  | { kind: "save"; value: A.SaveLine }
  | { kind: "test"; value: A.TestLine }
  | { kind: "branch"; value: A.Branch };

interface BracketSegment {
  open: IToken;
  segment?: A.PathSegment;
  close: IToken;
}

type TopItem = { kind: "title"; value: A.FlowTitle } | { kind: "connection"; value: A.Connection } | { kind: "step"; value: A.Step };

export class FlowParser extends EmbeddedActionsParser {
  /** Run Chevrotain's grammar validations when building a parser (tests turn this on). */
  static validate = false;

  constructor() {
    // The grammar's validations run in the test suite (grammar.test.ts); skipping them at start-up saves ~15 ms per process.
    super(T.ALL_TOKENS, { recoveryEnabled: true, maxLookahead: 2, skipValidations: !FlowParser.validate, errorMessageProvider: FLOW_ERROR_MESSAGES });
    this.performSelfAnalysis();
  }

  // Alternatives arrays built once: OR takes a fresh array of closures on every
  // call otherwise, which in the hot loops was a large share of the allocations.
  private topItemAlts?: IOrAlt<TopItem | undefined>[];
  private connectionAuthAlts?: IOrAlt<A.ConnectionAuth>[];
  private secretSourceAlts?: IOrAlt<A.SecretSource | undefined>[];
  private stepAlts?: IOrAlt<A.Step>[];
  private callItemAlts?: IOrAlt<CallItem>[];
  private callLoopAlts?: IOrAlt<CallItem | undefined>[];
  private stepLoopAlts?: IOrAlt<A.Step | typeof MISPLACED | undefined>[];
  private outcomeAlts?: IOrAlt<"success" | "failure">[];
  private readonly nameOptions: { GATE: () => boolean; DEF: () => IToken }[] = [];

  /**
   * Every top-level item, into `items` as each is read (so a statement the recovery gives up on
   * loses only itself); a line that starts no top-level statement is skipped and reported.
   */
  public file = this.RULE("file", () => {
    this.MANY(() => {
      if (!this.RECORDING_PHASE) this.blockDepth = 0;
      const item = this.SUBRULE(this.topItem);
      this.ACTION(() => item && this.items.push(item));
    });
  });

  private topItem = this.RULE("topItem", (): TopItem | undefined => this.OR((this.topItemAlts ??= [
    { ALT: () => ({ kind: "title" as const, value: this.SUBRULE(this.flowTitle) }) },
    { ALT: () => ({ kind: "connection" as const, value: this.SUBRULE(this.connection) }) },
    { ALT: () => ({ kind: "step" as const, value: this.SUBRULE(this.step) }) },
    { ALT: () => { this.SUBRULE(this.strayAtTop); return undefined; } },
  ])));

  private flowTitle = this.RULE("flowTitle", (): A.FlowTitle => {
    const kw = this.CONSUME(T.Flow);
    const name = this.OPTION(() => this.str(1));
    return this.ACTION(() => ({ span: spanBetween(kw, name?.span), name }));
  });

  // ---------- connections ----------

  private connection = this.RULE("connection", (): A.Connection => {
    const kw = this.CONSUME(T.Connection);
    const name = this.OPTION(() => this.nameAt(1));
    const auth: A.ConnectionAuth[] = [];
    const domains: A.StringLiteral[] = [];
    const open = this.CONSUME(T.LCurly);
    this.MANY(() => this.OR([
      { ALT: () => { const a = this.SUBRULE(this.connectionAuth); this.ACTION(() => auth.push(a)); } },
      {
        ALT: () => {
          this.CONSUME(T.Domain);
          const d = this.str(2);
          this.ACTION(() => d && domains.push(d));
        },
      },
      { ALT: () => this.SUBRULE(this.strayInConnection) },
    ]));
    const close = this.CONSUME(T.RCurly);
    return this.ACTION(() => ({ span: spanBetween(kw, real(close) ?? lastEnd(auth, domains, name, open)), name, auth, domains, blockSpan: blockSpan(open, close) }));
  });

  private connectionAuth = this.RULE("connectionAuth", (): A.ConnectionAuth => this.OR((this.connectionAuthAlts ??= [
    {
      ALT: () => {
        const kw = this.CONSUME(T.Bearer);
        const source = this.OPTION(() => this.SUBRULE(this.secretSource));
        return this.ACTION(() => ({ kind: "bearer" as const, span: spanBetween(kw, source?.span), source }));
      },
    },
    {
      ALT: () => {
        const kw = this.CONSUME(T.Basic);
        const user = this.OPTION2(() => this.str(1));
        const source = this.OPTION3(() => this.SUBRULE2(this.secretSource));
        return this.ACTION(() => ({ kind: "basic" as const, span: spanBetween(kw, source?.span ?? user?.span), user, source }));
      },
    },
    {
      ALT: () => {
        const kw = this.CONSUME(T.ApiKey);
        const header = this.OPTION4(() => this.str(2));
        const source = this.OPTION5(() => this.SUBRULE3(this.secretSource));
        return this.ACTION(() => ({ kind: "api_key" as const, span: spanBetween(kw, source?.span ?? header?.span), header, source }));
      },
    },
  ])));

  private secretSource = this.RULE("secretSource", (): A.SecretSource | undefined => this.OR((this.secretSourceAlts ??= [
    {
      ALT: () => {
        const kw = this.CONSUME(T.Env);
        const name = this.nameAt(1);
        return this.ACTION(() => name ? { kind: "env" as const, name: name.name, span: spanBetween(kw, name.span) } : undefined);
      },
    },
    {
      ALT: () => {
        const kw = this.CONSUME(T.Secret);
        const key = this.str(1);
        return this.ACTION(() => key ? { kind: "secret" as const, key: key.value, span: spanBetween(kw, key.span) } : undefined);
      },
    },
  ])));

  // ---------- steps ----------

  private step = this.RULE("step", (): A.Step => this.OR((this.stepAlts ??= [
    { ALT: () => this.SUBRULE(this.say) },
    { ALT: () => this.SUBRULE(this.ask) },
    { ALT: () => this.SUBRULE(this.call) },
    { ALT: () => this.SUBRULE(this.menu) },
    { ALT: () => this.SUBRULE(this.goto) },
    { ALT: () => this.SUBRULE(this.handoff) },
    { ALT: () => this.SUBRULE(this.end) },
  ])));

  /** The steps of a branch or option block; `opener` is its `on` or `option` keyword. */
  private steps = this.RULE("steps", (opener?: IToken, container?: "branch" | "option"): A.Step[] => {
    const steps: A.Step[] = [];
    this.skipDeepBlock();
    this.MANY({
      GATE: () => !(opener && this.startsLineAtOrLeftOf(opener, CALL_ITEM_START)),
      DEF: () => {
        const kw = this.LA(1);
        const item = this.OR((this.stepLoopAlts ??= [
          { ALT: () => this.SUBRULE(this.step) },
          // `save` inside `on success { }`: read, so the block goes on, and reported.
          { ALT: () => { this.SUBRULE(this.callItem); return MISPLACED; } },
          { ALT: () => { this.SUBRULE(this.strayInCall); return undefined; } },
        ]));
        if (this.RECORDING_PHASE) return;
        if (isMisplaced(item)) {
          if (real(kw)) this.misplaced.push({ keyword: spanOf(kw), container: container ?? "branch" });
        } else if (item) steps.push(item);
      },
    });
    return steps;
  });

  private say = this.RULE("say", (): A.SayStep => {
    const kw = this.CONSUME(T.Say);
    const text = this.str(1);
    return this.ACTION(() => ({ kind: "say" as const, span: spanBetween(kw, text?.span), keywordSpan: spanOf(kw), text }));
  });

  private ask = this.RULE("ask", (): A.AskStep => {
    const kw = this.CONSUME(T.Ask);
    const variable = this.nameAt(1);
    const prompt = this.str(1);
    const type = this.OPTION(() => {
      this.CONSUME(T.As);
      return this.nameAt(2);
    });
    return this.ACTION(() => ({ kind: "ask" as const, span: spanBetween(kw, type?.span ?? prompt?.span ?? variable?.span), keywordSpan: spanOf(kw), variable, prompt, type }));
  });

  private call = this.RULE("call", (): A.CallStep => {
    const kw = this.CONSUME(T.Call);
    const name = this.nameAt(1);
    const displayName = this.OPTION(() => this.str(1));
    const open = this.CONSUME(T.LCurly);
    if (!this.RECORDING_PHASE) this.enterBlock(open);
    const items: CallItem[] = [];
    this.skipDeepBlock();
    this.MANY({
      GATE: () => !this.startsLineAtOrLeftOf(kw, STEP_START),
      DEF: () => {
        const item = this.OR((this.callLoopAlts ??= [
          { ALT: () => this.SUBRULE(this.callItem) },
          { ALT: () => { this.misplacedStep("call"); return undefined; } },
          { ALT: () => { this.SUBRULE2(this.strayInCall); return undefined; } },
        ]));
        this.ACTION(() => item && items.push(item));
      },
    });
    if (!this.RECORDING_PHASE) this.blockDepth--;
    const close = this.CONSUME(T.RCurly);
    return this.ACTION(() => {
      const step: A.CallStep = {
        kind: "call", keywordSpan: spanOf(kw), name, displayName, blockSpan: blockSpan(open, close),
        span: spanBetween(kw, real(close) ?? lastEnd(items.flatMap((i) => (i.value ? [i.value] : [])), displayName, name, open)),
        descriptions: [], requests: [], connections: [], headers: [], bodies: [], examples: [], saves: [], tests: [],
      };
      for (const item of items) {
        switch (item.kind) {
          case "description": if (item.value) step.descriptions.push(item.value); break;
          case "request": step.requests.push(item.value); break;
          case "connection": step.connections.push(item.value); break;
          case "header": step.headers.push(item.value); break;
          case "body": step.bodies.push(item.value); break;
          case "example": step.examples.push(item.value); break;
          case "save": step.saves.push(item.value); break;
          case "test": step.tests.push(item.value); break;
          case "branch":
            if (item.value.outcome === "success") step.onSuccess ??= item.value;
            else step.onFailure ??= item.value;
            break;
        }
      }
      return step;
    });
  });

  private callItem = this.RULE("callItem", (): CallItem => this.OR((this.callItemAlts ??= [
    {
      ALT: () => {
        this.CONSUME(T.Description);
        return { kind: "description" as const, value: this.str(1) };
      },
    },
    {
      ALT: () => {
        const method = this.CONSUME(T.Method);
        const url = this.OPTION(() => this.CONSUME(T.Url));
        return this.ACTION(() => {
          const u = real(url) ? urlText(url!) : undefined;
          return { kind: "request" as const, value: { span: spanBetween(method, u?.span), method: { value: method.image as A.HttpMethod, span: spanOf(method) }, url: u } };
        });
      },
    },
    {
      ALT: () => {
        const kw = this.CONSUME(T.Connection);
        const name = this.nameAt(1);
        return this.ACTION(() => ({ kind: "connection" as const, value: { span: spanBetween(kw, name?.span), name } }));
      },
    },
    {
      ALT: () => {
        const kw = this.CONSUME(T.Header);
        const name = this.str(2);
        const value = this.OPTION2(() => this.str(3));
        return this.ACTION(() => ({ kind: "header" as const, value: { span: spanBetween(kw, value?.span ?? name?.span), name, value } }));
      },
    },
    {
      ALT: () => {
        const kw = this.CONSUME(T.Body);
        const json = this.OPTION3(() => this.CONSUME(T.JsonBody));
        return this.ACTION(() => {
          const j = real(json) ? jsonValue(json!) : undefined;
          return { kind: "body" as const, value: { span: spanBetween(kw, j?.span), keywordSpan: spanOf(kw), json: j } };
        });
      },
    },
    {
      ALT: () => {
        const kw = this.CONSUME(T.Example);
        const json = this.OPTION4(() => this.CONSUME2(T.JsonBody));
        return this.ACTION(() => {
          const j = real(json) ? jsonValue(json!) : undefined;
          return { kind: "example" as const, value: { span: spanBetween(kw, j?.span), keywordSpan: spanOf(kw), json: j } };
        });
      },
    },
    {
      ALT: () => {
        const kw = this.CONSUME(T.Save);
        const variable = this.nameAt(2);
        this.CONSUME(T.Equals);
        const path = this.SUBRULE(this.responsePath);
        return this.ACTION(() => ({ kind: "save" as const, value: { span: spanBetween(kw, path?.span ?? variable?.span), variable, path } }));
      },
    },
    {
      ALT: () => {
        const kw = this.CONSUME(T.Test);
        const variable = this.nameAt(3);
        this.CONSUME2(T.Equals);
        const value = this.str(4);
        return this.ACTION(() => ({ kind: "test" as const, value: { span: spanBetween(kw, value?.span ?? variable?.span), variable, value } }));
      },
    },
    { ALT: () => ({ kind: "branch" as const, value: this.SUBRULE(this.branch) }) },
  ])));

  private branch = this.RULE("branch", (): A.Branch => {
    const kw = this.CONSUME(T.On);
    const outcome = this.OR((this.outcomeAlts ??= [
      { ALT: () => { this.CONSUME(T.Success); return "success" as const; } },
      { ALT: () => { this.CONSUME(T.Failure); return "failure" as const; } },
    ]));
    const open = this.CONSUME(T.LCurly);
    if (!this.RECORDING_PHASE) this.enterBlock(open);
    const steps = this.SUBRULE(this.steps, { ARGS: [kw, "branch"] });
    if (!this.RECORDING_PHASE) this.blockDepth--;
    const close = this.CONSUME(T.RCurly);
    return this.ACTION(() => ({ span: spanBetween(kw, real(close) ?? lastEnd(steps ?? [], open)), outcome: outcome ?? "success", steps: steps ?? [] }));
  });

  private responsePath = this.RULE("responsePath", (): A.ResponsePath => {
    const segments: A.PathSegment[] = [];
    let start: IToken | undefined;
    let end: IToken | undefined;
    this.OR([
      { GATE: () => this.sameLine(), ALT: () => { start = end = this.CONSUME(T.Dollar); } },
      {
        GATE: () => this.sameLine(),
        ALT: () => {
          const n = this.CONSUME(T.Name);
          start = end = n;
          this.ACTION(() => segments.push(keySegment(n)));
        },
      },
      {
        GATE: () => this.sameLine(),
        ALT: () => {
          const b = this.SUBRULE(this.bracketSegment);
          this.ACTION(() => {
            start = b.open;
            end = b.close;
            if (b.segment) segments.push(b.segment);
          });
        },
      },
      { ALT: () => this.ACTION(() => this.reportMissing("a response path such as order.id or $")) },
    ]);
    // A path has no spaces: what follows a space is the next statement.
    this.MANY({ GATE: () => this.adjacent(), DEF: () => this.OR2([
      {
        ALT: () => {
          this.CONSUME(T.Dot);
          const n = this.OPTION({ GATE: () => this.adjacent(), DEF: () => this.CONSUME2(T.Name) });
          this.ACTION(() => {
            if (n && real(n)) {
              segments.push(keySegment(n));
              end = n;
            } else this.reportMissing("a key after \".\"");
          });
        },
      },
      {
        ALT: () => {
          const b = this.SUBRULE2(this.bracketSegment);
          this.ACTION(() => {
            if (b.segment) segments.push(b.segment);
            if (real(b.close)) end = b.close;
          });
        },
      },
    ]) });
    return this.ACTION(() => start ? { span: spanBetween(start, real(end) ? spanOf(end!) : undefined), segments } : undefined!);
  });

  private bracketSegment = this.RULE("bracketSegment", (): BracketSegment => {
    const open = this.CONSUME(T.LBracket);
    const seg = this.OR([
      {
        ALT: () => {
          const s = this.str(1);
          return this.ACTION(() => s ? { kind: "key" as const, key: s.value, span: s.span } : undefined);
        },
      },
      {
        ALT: () => {
          const n = this.CONSUME(T.Name);
          return this.ACTION(() => real(n) && /^\d+$/.test(n.image)
            ? { kind: "index" as const, index: Number(n.image), span: spanOf(n) }
            : real(n) ? keySegment(n) : undefined);
        },
      },
    ]);
    const close = this.CONSUME(T.RBracket);
    return { open, segment: seg, close };
  });

  private menu = this.RULE("menu", (): A.MenuStep => {
    const kw = this.CONSUME(T.Menu);
    const name = this.nameAt(1);
    const question = this.OPTION(() => this.str(1));
    const open = this.CONSUME(T.LCurly);
    if (!this.RECORDING_PHASE) this.enterBlock(open);
    const options: A.MenuOption[] = [];
    this.skipDeepBlock();
    this.MANY({ GATE: () => !this.startsLineAtOrLeftOf(kw, STEP_START), DEF: () => this.OR([
      {
        ALT: () => {
          const o = this.SUBRULE(this.menuOption);
          this.ACTION(() => o && options.push(o));
        },
      },
      { ALT: () => this.misplacedStep("menu") },
      { ALT: () => this.SUBRULE(this.strayInMenu) },
    ]) });
    if (!this.RECORDING_PHASE) this.blockDepth--;
    const close = this.CONSUME(T.RCurly);
    return this.ACTION(() => ({
      kind: "menu" as const, keywordSpan: spanOf(kw), name, question, options, blockSpan: blockSpan(open, close),
      span: spanBetween(kw, real(close) ?? lastEnd(options, question, name, open)),
    }));
  });

  private menuOption = this.RULE("menuOption", (): A.MenuOption => {
    const kw = this.CONSUME(T.Option);
    const label = this.OPTION(() => this.str(1));
    const open = this.CONSUME(T.LCurly);
    if (!this.RECORDING_PHASE) this.enterBlock(open);
    const steps = this.SUBRULE(this.steps, { ARGS: [kw, "option"] });
    if (!this.RECORDING_PHASE) this.blockDepth--;
    const close = this.CONSUME(T.RCurly);
    return this.ACTION(() => ({ span: spanBetween(kw, real(close) ?? lastEnd(steps ?? [], label, open)), label, steps: steps ?? [] }));
  });

  private goto = this.RULE("goto", (): A.GotoStep => {
    const kw = this.CONSUME(T.Goto);
    const target = this.nameAt(1);
    return this.ACTION(() => ({ kind: "goto" as const, span: spanBetween(kw, target?.span), keywordSpan: spanOf(kw), target }));
  });

  private handoff = this.RULE("handoff", (): A.HandoffStep => {
    const kw = this.CONSUME(T.Handoff);
    const message = this.OPTION(() => this.str(1));
    return this.ACTION(() => ({ kind: "handoff" as const, span: spanBetween(kw, message?.span), keywordSpan: spanOf(kw), message }));
  });

  private end = this.RULE("end", (): A.EndStep => {
    const kw = this.CONSUME(T.End);
    return this.ACTION(() => ({ kind: "end" as const, span: spanOf(kw), keywordSpan: spanOf(kw) }));
  });

  // ---------- leaves ----------
  // Names and strings are read by helpers, not rules: they are most of a file's tokens, and a
  // rule invocation (its try/finally, state stacks and argument array) cost more than the read.
  // `k` is the read's occurrence in the calling rule, as the digit of SUBRULE2 would be.

  /** A name on the statement's own line: a name on the next line belongs to the next statement. */
  private nameAt(k: number): A.Identifier | undefined {
    const idx = LEAF_IDX + k;
    const tok = this.option(idx, (this.nameOptions[k] ??= { GATE: () => this.sameLine(), DEF: () => this.consume(idx, T.Name) }));
    if (this.RECORDING_PHASE) return undefined;
    if (tok && real(tok)) return identifier(tok);
    this.reportMissing("a name");
    return undefined;
  }

  /** A string, closed or not. */
  private str(k: number): A.StringLiteral | undefined {
    const tok = this.consume(LEAF_IDX + k, T.StringLike);
    return this.RECORDING_PHASE || !real(tok) ? undefined : stringLiteral(tok);
  }

  // ---------- stray lines ----------

  /**
   * A line that starts no statement in its block: its first token, then the rest of the line
   * (braces balanced: a `}` that would close the block is left to close it). Remembered for one
   * `syntax` diagnostic per line.
   */
  private strayLine(name: string, first: readonly TokenType[], top: boolean) {
    const alts: IOrAlt<IToken>[] = first.map((type) => ({ ALT: () => this.CONSUME(type) }));
    return this.RULE(name, () => {
      const tok = this.OR(alts);
      this.ACTION(() => {
        this.strayBraces = tok.tokenType === T.LCurly ? 1 : 0;
        if (real(tok)) (top ? this.topStrays : this.strays).push(tok);
      });
      this.MANY({
        GATE: () => this.strayLineGoesOn(top),
        DEF: () => {
          const rest = this.CONSUME(T.Any);
          this.ACTION(() => {
            if (rest.tokenType === T.LCurly) this.strayBraces++;
            else if (rest.tokenType === T.RCurly) this.strayBraces--;
            (top ? this.topStrays : this.strays).push(rest);
          });
        },
      });
    });
  }

  private strayLineGoesOn(top: boolean): boolean {
    const next = this.LA(1);
    if (next.tokenType === EOF || !this.sameLine()) return false;
    return top || next.tokenType !== T.RCurly || this.strayBraces > 0;
  }

  // One rule per kind of block: each starts with exactly the tokens that start nothing there, so
  // every loop's alternatives stay LL(1) and unambiguous.
  private strayInCall = this.strayLine("strayInCall", [T.Stray, T.Flow, T.Option, T.Bearer, T.Basic, T.ApiKey, T.Domain], false);
  private strayInMenu = this.strayLine("strayInMenu", [T.Stray, T.Flow, T.Bearer, T.Basic, T.ApiKey, T.Domain, T.Connection, T.Description, T.Method, T.Header, T.Body, T.Example, T.Save, T.Test, T.On], false);
  private strayInConnection = this.strayLine("strayInConnection", [T.Stray, T.Flow, T.Connection, T.Say, T.Ask, T.Call, T.Menu, T.Goto, T.Handoff, T.End, T.Description, T.Method, T.Header, T.Body, T.Example, T.Save, T.Test, T.On, T.Option], false);
  private strayAtTop = this.strayLine("strayAtTop", [T.Stray, T.RCurly, T.Bearer, T.Basic, T.ApiKey, T.Domain, T.Description, T.Method, T.Header, T.Body, T.Example, T.Save, T.Test, T.On, T.Option], true);

  /** Inside a block nested deeper than MAX_BLOCK_DEPTH: every token up to the block's own `}`, unread. */
  private deepBlock = this.RULE("deepBlock", () => {
    this.MANY({
      GATE: () => this.blockDepth > MAX_BLOCK_DEPTH && this.LA(1).tokenType !== EOF && !(this.LA(1).tokenType === T.RCurly && this.deepBraces === 0),
      DEF: () => {
        const tok = this.CONSUME(T.Any);
        this.ACTION(() => {
          if (tok.tokenType === T.LCurly) this.deepBraces++;
          else if (tok.tokenType === T.RCurly) this.deepBraces--;
        });
      },
    });
  });

  /** Blocks are rarely too deep: the rule runs only then (and while Chevrotain records the grammar). */
  private skipDeepBlock(): void {
    if (this.RECORDING_PHASE || this.blockDepth > MAX_BLOCK_DEPTH) this.SUBRULE(this.deepBlock);
  }

  private enterBlock(open: IToken): void {
    this.blockDepth++;
    this.deepBraces = 0;
    if (this.blockDepth === MAX_BLOCK_DEPTH + 1 && real(open)) this.tooDeep.push(spanOf(open));
  }

  /**
   * A step written straight inside a call or menu block (say before `on success {`): read, so its
   * block goes on, and reported, but kept out of the AST.
   */
  private misplacedStep(container: "call" | "menu"): void {
    const step = this.SUBRULE(this.step);
    this.ACTION(() => step && this.misplaced.push({ keyword: step.keywordSpan, container }));
  }

  /**
   * The next token is one of `kinds`, first on its line and indented no deeper than the line of
   * `opener`: the `}` of the opener's block is missing and the statement follows the block.
   */
  private startsLineAtOrLeftOf(opener: IToken, kinds: ReadonlySet<TokenType>): boolean {
    const next = this.LA(1);
    if (!kinds.has(next.tokenType) || Number.isNaN(next.startOffset) || Number.isNaN(opener.startOffset)) return false;
    const text = this.text;
    let lineStart = next.startOffset;
    while (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10 && text.charCodeAt(lineStart - 1) !== 13) lineStart--;
    for (let k = lineStart; k < next.startOffset; k++) if (text.charCodeAt(k) !== 32 && text.charCodeAt(k) !== 9) return false;
    let openerLine = opener.startOffset;
    while (openerLine > 0 && text.charCodeAt(openerLine - 1) !== 10 && text.charCodeAt(openerLine - 1) !== 13) openerLine--;
    let openerIndent = 0;
    while (text.charCodeAt(openerLine + openerIndent) === 32 || text.charCodeAt(openerLine + openerIndent) === 9) openerIndent++;
    return next.startOffset - lineStart <= openerIndent;
  }

  /** Steps written straight inside a call or menu block, call lines inside a branch or option, by the last parse. */
  public misplaced: { keyword: Span; container: "call" | "menu" | "branch" | "option" }[] = [];
  /** The top-level items of the last parse. */
  public items: TopItem[] = [];
  /** Tokens of stray lines inside blocks skipped by the last parse, in order. */
  public strays: IToken[] = [];
  /** Tokens of stray top-level lines skipped by the last parse, in order. */
  public topStrays: IToken[] = [];
  /** The `{` of each block that opens deeper than MAX_BLOCK_DEPTH (its content is not read). */
  public tooDeep: Span[] = [];
  private blockDepth = 0;
  private strayBraces = 0;
  private deepBraces = 0;

  /** Gets the parser ready for `tokens` of `text`. */
  public prepare(tokens: IToken[], text: string): void {
    this.input = tokens;
    this.text = text;
    this.items = [];
    this.strays = [];
    this.topStrays = [];
    this.missing = [];
    this.misplaced = [];
    this.tooDeep = [];
    this.blockDepth = 0;
  }
  /** Places where a statement ended before a required part: offset and what was expected. */
  public missing: { offset: number; expected: string }[] = [];
  /** The text being parsed: the line-sensitive gates read it. */
  public text = "";

  private reportMissing(expected: string): void {
    const prev = this.LA(0);
    const offset = prev && !Number.isNaN(prev.startOffset) ? prev.startOffset + prev.image.length : 0;
    this.missing.push({ offset, expected });
  }

  /** Whether the next token is on the same line as (or, with `touching`, right after) the last one. */
  private follows(touching: boolean): boolean {
    const prev = this.LA(0);
    const next = this.LA(1);
    if (!prev || !next || next.tokenType.name === "EOF" || Number.isNaN(prev.startOffset) || Number.isNaN(next.startOffset)) return false;
    const from = prev.startOffset + prev.image.length;
    if (touching) return from === next.startOffset;
    // Scans instead of slicing: this runs for every name in the file.
    for (let k = from; k < next.startOffset; k++) {
      const c = this.text.charCodeAt(k);
      if (c === 10 || c === 13) return false;
    }
    return true;
  }

  /** The next token is on the same line as the last one. */
  private sameLine(): boolean {
    return this.follows(false);
  }

  /** The next token touches the last one (no space between). */
  private adjacent(): boolean {
    return this.follows(true);
  }
}

/** Occurrence indices of the leaf reads, clear of the grammar's own CONSUME2…OPTION9. */
const LEAF_IDX = 20;

const STEP_START: ReadonlySet<TokenType> = new Set([T.Say, T.Ask, T.Call, T.Menu, T.Goto, T.Handoff, T.End]);
const CALL_ITEM_START: ReadonlySet<TokenType> = new Set([T.Description, T.Method, T.Connection, T.Header, T.Body, T.Example, T.Save, T.Test, T.On]);

/** What the steps loop's OR returns for a call line read inside a branch or option. */
const MISPLACED = Object.freeze({ misplaced: true as const });

function isMisplaced(item: A.Step | typeof MISPLACED | undefined): item is typeof MISPLACED {
  return item === MISPLACED;
}

function real(tok: IToken | undefined): IToken | undefined {
  return tok && !tok.isInsertedInRecovery && !Number.isNaN(tok.startOffset) ? tok : undefined;
}

function keySegment(tok: IToken): A.PathSegment {
  return { kind: "key", key: tok.image, span: spanOf(tok) };
}

function blockSpan(open: IToken, close: IToken): Span | undefined {
  const o = real(open);
  if (!o) return undefined;
  const c = real(close);
  return { start: o.startOffset, end: tokenEnd(c ?? o) };
}

/** The end of the last real piece, for nodes whose closing brace is missing. */
function lastEnd(...pieces: (A.Node | A.Node[] | IToken | undefined)[]): Span | undefined {
  for (const piece of pieces) {
    if (!piece) continue;
    if (Array.isArray(piece)) {
      if (piece.length) return piece[piece.length - 1].span;
      continue;
    }
    if ("span" in piece) return piece.span;
    if (real(piece as IToken)) return spanOf(piece as IToken);
  }
  return undefined;
}

export const TOKEN_TYPES: readonly TokenType[] = T.ALL_TOKENS;
