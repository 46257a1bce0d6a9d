// FlowDocument: everything known about one version of a file, built once —
// text, AST, syntax errors, symbols, the flow analysis and a line index.
// The LSP caches one per document version; the CLI builds one per file.

import { parse } from "../syntax/parse";
import type { FlowFile } from "../syntax/ast";
import type { Diagnostic } from "../types";
import { LineIndex } from "../text/line-index";
import { collectSymbols, type Symbols } from "./symbols";
import { analyzeFlow, type FlowAnalysis } from "./flow-graph";
import { placeOf, splitUrl, type UrlParts, type UrlPlace } from "./url";
import type { CallStep, RequestLine, VarRef } from "../syntax/ast";

/** A call step's endpoint, split once for every URL rule. */
export interface Endpoint {
  call: CallStep;
  request: RequestLine & { url: NonNullable<RequestLine["url"]> };
  parts: UrlParts;
  /** each `{{...}}` of the URL with the part it sits in, worked out once for every URL rule */
  vars: { ref: VarRef; place: UrlPlace }[];
}

export interface FlowDocument {
  text: string;
  ast: FlowFile;
  syntaxDiagnostics: Diagnostic[];
  symbols: Symbols;
  flow: FlowAnalysis;
  /** every request line that has a URL */
  urls: Endpoint[];
  lines: LineIndex;
}

export function buildDocument(text: string): FlowDocument {
  const { ast, diagnostics } = parse(text);
  const symbols = collectSymbols(ast);
  const urls: Endpoint[] = [];
  // By index, not for…of: see walk.ts.
  for (let i = 0; i < symbols.calls.length; i++) {
    const call = symbols.calls[i];
    for (let j = 0; j < call.requests.length; j++) {
      const request = call.requests[j];
      if (!request.url) continue;
      const parts = splitUrl(request.url);
      urls.push({ call, request: request as Endpoint["request"], parts, vars: request.url.vars.map((ref) => ({ ref, place: placeOf(parts, ref) })) });
    }
  }
  return { text, ast, syntaxDiagnostics: diagnostics, symbols, flow: analyzeFlow(ast), urls, lines: new LineIndex(text) };
}
