// The statements each kind of block accepts, with a snippet and a line of
// documentation each. Snippets use LSP snippet syntax; `\t` is one indent
// level (editors turn it into the file's indentation).

import { HTTP_METHODS } from "../syntax/ast";
import type { BlockKind } from "./cursor-context";

export interface KeywordEntry {
  label: string;
  /** plain text for clients without snippet support */
  insertText: string;
  snippet?: string;
  detail: string;
  /** ask the editor to complete again after inserting (goto → step names) */
  retrigger?: boolean;
}

const STEPS: KeywordEntry[] = [
  { label: "say", insertText: "say \"\"", snippet: "say \"$1\"", detail: "Send a message" },
  { label: "ask", insertText: "ask ", snippet: "ask ${1:variable} \"${2:Question?}\"", detail: "Ask a question; the answer is stored in a variable" },
  {
    label: "call", insertText: "call ",
    snippet: "call ${1:name} \"${2:Display name}\" {\n\t${3|GET,POST,PUT,PATCH,DELETE|} https://$4\n\ton success {\n\t\t$0\n\t}\n\ton failure {\n\t\thandoff\n\t}\n}",
    detail: "Call an API, save fields of its response, branch on success or failure",
  },
  { label: "menu", insertText: "menu ", snippet: "menu ${1:name} \"${2:Question?}\" {\n\toption \"${3:Label}\" {\n\t\t$0\n\t}\n}", detail: "Present options; each option is a branch" },
  { label: "goto", insertText: "goto ", detail: "Continue at a named call or menu step", retrigger: true },
  { label: "handoff", insertText: "handoff", detail: "Transfer to an agent; ends the branch" },
  { label: "end", insertText: "end", detail: "End the conversation; ends the branch" },
];

const FILE: KeywordEntry[] = [
  { label: "flow", insertText: "flow \"\"", snippet: "flow \"$1\"", detail: "The flow's display name (once, first)" },
  { label: "connection", insertText: "connection ", snippet: "connection ${1:name} {\n\tbearer env ${2:TOKEN}\n}", detail: "Credentials for API calls, read from the environment or secret storage" },
  ...STEPS,
];

const CALL: KeywordEntry[] = [
  ...HTTP_METHODS.map((m): KeywordEntry => ({ label: m, insertText: `${m} https://`, snippet: `${m} https://$0`, detail: `The request line: ${m} and the endpoint URL` })),
  { label: "connection", insertText: "connection ", detail: "Authenticate the call with a declared connection", retrigger: true },
  { label: "header", insertText: "header ", snippet: "header \"${1:Accept}\" \"${2:application/json}\"", detail: "A request header: name and value" },
  { label: "body", insertText: "body ", snippet: "body {\n\t$0\n}", detail: "The JSON request body" },
  { label: "save", insertText: "save ", snippet: "save ${1:variable} = ${2:path}", detail: "Store a field of the JSON response in a variable" },
  { label: "test", insertText: "test ", snippet: "test ${1:variable} = \"$2\"", detail: "Test data for Run test call; never used at run time" },
  { label: "description", insertText: "description \"\"", snippet: "description \"$1\"", detail: "What the call does" },
  { label: "on success", insertText: "on success {", snippet: "on success {\n\t$0\n}", detail: "Steps when the API answers 2xx" },
  { label: "on failure", insertText: "on failure {", snippet: "on failure {\n\t$0\n}", detail: "Steps on any other outcome: 3xx, 4xx, 5xx, timeout, network error" },
];

const MENU: KeywordEntry[] = [
  { label: "option", insertText: "option \"\"", snippet: "option \"${1:Label}\" {\n\t$0\n}", detail: "One choice of the menu, with its steps" },
];

const CONNECTION: KeywordEntry[] = [
  { label: "bearer", insertText: "bearer env ", snippet: "bearer ${1|env,secret|} ${2:NAME}", detail: "Authorization: Bearer <secret>" },
  { label: "basic", insertText: "basic \"\"", snippet: "basic \"${1:user}\" ${2|env,secret|} ${3:NAME}", detail: "Basic authentication: user and password source" },
  { label: "api_key", insertText: "api_key \"\"", snippet: "api_key \"${1:X-Api-Key}\" ${2|env,secret|} ${3:NAME}", detail: "An API key header: header name and key source" },
  { label: "domain", insertText: "domain \"\"", snippet: "domain \"${1:api.example.com}\"", detail: "The only host (or *.domain) the credentials go to" },
];

export function keywordsFor(block: BlockKind): KeywordEntry[] {
  switch (block) {
    case "file": return FILE;
    case "call": return CALL;
    case "menu": return MENU;
    case "connection": return CONNECTION;
    case "branch":
    case "option":
    case "unknown":
      return STEPS;
  }
}

export const HEADER_NAMES = ["Accept", "Accept-Language", "Content-Type", "If-None-Match", "User-Agent", "X-Request-Id"];

export const SECRET_SOURCES: KeywordEntry[] = [
  { label: "env", insertText: "env ", detail: "An environment variable" },
  { label: "secret", insertText: "secret \"\"", snippet: "secret \"$1\"", detail: "A key in the editor's secret storage (the CLI reads the upper-cased environment variable)" },
];
