// The language's constants, written once: the lexer, the parser, the rules
// and the features read them from here, so a spelling or a limit can never
// differ between the place that reads the text and the place that judges it.

/** Names of `ask` and `save` variables (the spec's `^[a-z0-9_]+$`). */
export const VARIABLE_NAME = /^[a-z0-9_]+$/;

/** An HTTP token (RFC 9110 `tchar`+): what a header name must be. */
export const HTTP_TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export const ASK_TYPES = ["text", "email", "number", "phone", "name", "url", "date"] as const;
export type AskType = (typeof ASK_TYPES)[number];

/** At most this many `save` lines in one call step. */
export const MAX_SAVES = 8;

/** Header names (lowercase) that carry credentials: a connection should set them, not a literal header. */
export const CREDENTIAL_HEADERS: ReadonlySet<string> = new Set(["authorization", "proxy-authorization", "x-api-key", "api-key", "cookie"]);

/** Every keyword, by spelling. */
export const KEYWORDS = [
  "flow", "connection", "bearer", "basic", "api_key", "env", "secret", "domain", "say", "ask", "as", "call", "description",
  "header", "body", "example", "save", "test", "on", "success", "failure", "menu", "option", "goto", "handoff", "end",
] as const;
export type Keyword = (typeof KEYWORDS)[number];

/** Words that start a statement at the top level. */
export const TOP_LEVEL_WORDS: readonly Keyword[] = ["flow", "connection", "say", "ask", "call", "menu", "goto", "handoff", "end"];

/** Words that start a step (a statement inside a branch or an option). */
export const STEP_WORDS: readonly Keyword[] = ["say", "ask", "call", "menu", "goto", "handoff", "end"];

/** Words that start a line of a call step (besides the request line's method). */
export const CALL_ITEM_WORDS: readonly Keyword[] = ["description", "connection", "header", "body", "example", "save", "test", "on"];

/** Keywords followed by a JSON value on their line: `body {...}`, `example {...}`. */
export const JSON_VALUE_WORDS = ["body", "example"] as const satisfies readonly Keyword[];

/** Every word that can begin a statement somewhere: a JSON line never begins with one. */
export const STATEMENT_WORDS: ReadonlySet<string> = new Set<string>([
  ...TOP_LEVEL_WORDS, ...CALL_ITEM_WORDS, "option", ...HTTP_METHODS,
]);

/**
 * Blocks nest at most this deep (`on success { menu … { option … { call … {`). Deeper blocks
 * are reported and skipped, so nothing downstream recurses further than this on any input.
 */
export const MAX_BLOCK_DEPTH = 64;
