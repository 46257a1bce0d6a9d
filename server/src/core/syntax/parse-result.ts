// What a parse gives: the tree and its `syntax` diagnostics (parse.ts, parse-with-recovery.ts).

import type * as A from "./ast";
import type { Diagnostic } from "../types";

export interface ParseResult {
  ast: A.FlowFile;
  /** `syntax` diagnostics only; the rules add the rest */
  diagnostics: Diagnostic[];
}
