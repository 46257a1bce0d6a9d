// What the parser says it expected, in the author's words. Given to Chevrotain
// as its errorMessageProvider, so an error's message is this text and parse.ts
// composes the sentence without reading Chevrotain's English.

import { EOF, type IParserErrorMessageProvider, type TokenType } from "chevrotain";

/** The message of an error that expected the end of the input. */
export const EXPECTED_END = "expected the end of the file";
/** The message of an error that expected the `}` closing a block. */
export const EXPECTED_CLOSE = "expected }";

const TOKEN_WORDS: Record<string, string> = {
  LCurly: "{", RCurly: "}", LBracket: "[", RBracket: "]", Equals: "=", Dot: ".", Dollar: "$",
  StringLike: "a \"string\"", StringLiteral: "a \"string\"", UnterminatedString: "a \"string\"", Name: "a name", Identifier: "a name",
  Url: "a URL", JsonBody: "a JSON value", Method: "GET, POST, PUT, PATCH or DELETE",
};

function word(type: TokenType): string {
  const name = type.name;
  return TOKEN_WORDS[name] ?? (name.startsWith("Kw") ? name.slice(2).replace(/([a-z])([A-Z])/g, "$1_$2").toLowerCase() : name);
}

/** "expected X", "expected X or Y", "expected W, X, Y, Z, …", or "" when nothing is known. */
function expected(types: (TokenType | undefined)[]): string {
  if (types.some((t) => t === EOF)) return EXPECTED_END;
  const words = [...new Set(types.filter((t): t is TokenType => !!t).map(word))];
  if (!words.length) return "";
  return `expected ${words.length > 4 ? `${words.slice(0, 4).join(", ")}, …` : words.join(" or ")}`;
}

export const FLOW_ERROR_MESSAGES: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected: type }) => expected([type]),
  buildNotAllInputParsedMessage: () => EXPECTED_END,
  buildNoViableAltMessage: ({ expectedPathsPerAlt }) => expected(expectedPathsPerAlt.flatMap((alt) => alt.map((path) => path[0]))),
  buildEarlyExitMessage: ({ expectedIterationPaths }) => expected(expectedIterationPaths.map((path) => path[0])),
};
