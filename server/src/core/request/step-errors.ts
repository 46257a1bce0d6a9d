// Whether a call step can be sent as the file stands: the analysis's errors
// that concern the step's request. The editor greys out "Run test call" on
// them and the CLI refuses with them, so both decide the same way.

import type { CallStep, FlowFile } from "../syntax/ast";
import type { Diagnostic, Span } from "../types";
import { findConnection } from "./credentials";

/**
 * The errors that stop a call step from being sent: those inside the step's own
 * lines (not in its branches, whose steps run later) or in the connection it
 * uses. Errors about which variables are defined or saved do not change the
 * request, so they do not block a test call (testing an API before writing
 * the `ask` that feeds it is normal).
 */
const NOT_BLOCKING = new Set(["undefined-var", "var-name", "duplicate-save", "too-many-saves"]);

export function stepErrors(diagnostics: readonly Diagnostic[], ast: FlowFile, step: CallStep): Diagnostic[] {
  const inside = (d: Diagnostic, span: Span) => d.span.start >= span.start && d.span.end <= span.end;
  const branches = [step.onSuccess?.span, step.onFailure?.span].filter((s): s is Span => !!s);
  const connection = findConnection(ast, step).connection;
  return diagnostics.filter((d) =>
    d.severity === "error" && !NOT_BLOCKING.has(d.code) && (
      (inside(d, step.span) && !branches.some((b) => inside(d, b))) ||
      (connection !== undefined && inside(d, connection.span))
    ));
}
