// The typed syntax tree of a .flow file. Every node keeps the exact source
// span of its text; names, strings and URLs keep both their value and the
// span of each variable reference inside them, because every rule reports on
// those spans.
//
// The parser recovers from errors, so any field may be missing on a broken
// file: optional fields below are the ones a partial statement can lack.

import type { Span } from "../types";
import type { AskType, HttpMethod } from "../language";

export { ASK_TYPES, HTTP_METHODS, type AskType, type HttpMethod } from "../language";

export interface Node {
  span: Span;
}

/** A bare name: a variable, step or connection name. */
export interface Identifier extends Node {
  name: string;
}

/** `{{name}}` or `{{system.name}}`; `span` covers the braces, `nameSpan` the name inside. */
export interface VarRef extends Node {
  name: string;
  nameSpan: Span;
}

/** A piece of a string or URL: literal text or a variable reference. */
export type TemplatePart =
  | { kind: "text"; value: string; span: Span }
  | { kind: "var"; ref: VarRef };

/** A `"..."` literal: `value` is the decoded text, `span` includes the quotes. */
export interface StringLiteral extends Node {
  value: string;
  /** the variable references inside, with spans in the document */
  vars: VarRef[];
  /** false when the closing quote is missing */
  terminated: boolean;
}

// ---------- top level ----------

export interface FlowFile extends Node {
  /** `flow "Display name"` statements (the spec allows one, first) */
  titles: FlowTitle[];
  connections: Connection[];
  steps: Step[];
  /** every comment, so formatting keeps them */
  comments: Span[];
}

export interface FlowTitle extends Node {
  name?: StringLiteral;
}

export type SecretSource =
  | { kind: "env"; name: string; span: Span }
  | { kind: "secret"; key: string; span: Span };

export type ConnectionAuth =
  | { kind: "bearer"; span: Span; source?: SecretSource }
  | { kind: "basic"; span: Span; user?: StringLiteral; source?: SecretSource }
  | { kind: "api_key"; span: Span; header?: StringLiteral; source?: SecretSource };

export interface Connection extends Node {
  name?: Identifier;
  auth: ConnectionAuth[];
  domains: StringLiteral[];
  /** span of the `{ ... }` block, for folding and insertion */
  blockSpan?: Span;
}

// ---------- steps ----------

export type Step = SayStep | AskStep | CallStep | MenuStep | GotoStep | HandoffStep | EndStep;

export interface SayStep extends Node {
  kind: "say";
  keywordSpan: Span;
  text?: StringLiteral;
}

export interface AskStep extends Node {
  kind: "ask";
  keywordSpan: Span;
  variable?: Identifier;
  prompt?: StringLiteral;
  /** the word after `as`, as written (may be an unknown type) */
  type?: Identifier;
}

/** `METHOD URL`; the URL is the rest of the line, trimmed. */
export interface RequestLine extends Node {
  method: { value: HttpMethod; span: Span };
  url?: UrlText;
}

export interface UrlText extends Node {
  /** the URL exactly as written */
  raw: string;
  /** `{{...}}` references in it, with document spans */
  vars: VarRef[];
}

export interface HeaderLine extends Node {
  name?: StringLiteral;
  value?: StringLiteral;
}

/** A JSON value as written after `body` or `example`: kept raw, checked by the analysis. */
export interface JsonValueText extends Node {
  /** the JSON text as written (one value ended by its matching bracket, any indentation) */
  text: string;
  /** the `{{...}}` references in it */
  vars: VarRef[];
}

/** `body <json>`: the request body. */
export interface BodyLine extends Node {
  keywordSpan: Span;
  json?: JsonValueText;
}

/** `example <json>`: a sample of the response, read like a body and checked as JSON; it is never sent. */
export interface ExampleLine extends Node {
  keywordSpan: Span;
  json?: JsonValueText;
}

/** One step of a response path: `.key`, `["odd key"]`, `[0]`. */
export type PathSegment =
  | { kind: "key"; key: string; span: Span }
  | { kind: "index"; index: number; span: Span };

/** `$` (the whole body) has no segments. */
export interface ResponsePath extends Node {
  segments: PathSegment[];
}

export interface SaveLine extends Node {
  variable?: Identifier;
  path?: ResponsePath;
}

export interface TestLine extends Node {
  variable?: Identifier;
  value?: StringLiteral;
}

export interface ConnectionUse extends Node {
  name?: Identifier;
}

export interface Branch extends Node {
  outcome: "success" | "failure";
  steps: Step[];
}

export interface CallStep extends Node {
  kind: "call";
  keywordSpan: Span;
  name?: Identifier;
  displayName?: StringLiteral;
  descriptions: StringLiteral[];
  requests: RequestLine[];
  connections: ConnectionUse[];
  headers: HeaderLine[];
  bodies: BodyLine[];
  examples: ExampleLine[];
  saves: SaveLine[];
  tests: TestLine[];
  onSuccess?: Branch;
  onFailure?: Branch;
  /** span of the `{ ... }` block */
  blockSpan?: Span;
}

export interface MenuOption extends Node {
  label?: StringLiteral;
  steps: Step[];
}

export interface MenuStep extends Node {
  kind: "menu";
  keywordSpan: Span;
  name?: Identifier;
  question?: StringLiteral;
  options: MenuOption[];
  blockSpan?: Span;
}

export interface GotoStep extends Node {
  kind: "goto";
  keywordSpan: Span;
  target?: Identifier;
}

export interface HandoffStep extends Node {
  kind: "handoff";
  keywordSpan: Span;
  message?: StringLiteral;
}

export interface EndStep extends Node {
  kind: "end";
  keywordSpan: Span;
}

/** Named steps: the targets of `goto`. */
export type NamedStep = CallStep | MenuStep;
