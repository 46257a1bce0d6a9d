// What a shell must gather before "Run test call" sends a step: the
// variables its request uses (with the step's test values), the secrets its
// connection reads, and the errors that stop it from being sent. Also finds
// the call step around a cursor, for the command palette.

import type { CallStep, FlowFile, SecretSource } from "../syntax/ast";
import type { Diagnostic } from "../types";
import { forEachStep } from "../analysis/walk";
import { findConnection } from "./credentials";
import { stepErrors } from "./step-errors";
import { collectTestValues, requestVariables } from "./test-values";

export interface TestCallPlanInfo {
  variables: { name: string; testValue?: string }[];
  secrets: SecretSource[];
  blocking: Diagnostic[];
}

export function testCallPlan(ast: FlowFile, diagnostics: readonly Diagnostic[], step: CallStep): TestCallPlanInfo {
  const values = collectTestValues(step);
  const seen = new Set<string>();
  const variables: TestCallPlanInfo["variables"] = [];
  for (const ref of requestVariables(step)) {
    if (seen.has(ref.name)) continue;
    seen.add(ref.name);
    const testValue = values.get(ref.name);
    variables.push(testValue === undefined ? { name: ref.name } : { name: ref.name, testValue });
  }
  const connection = findConnection(ast, step).connection;
  const secrets = connection ? connection.auth.flatMap((a) => (a.source ? [a.source] : [])) : [];
  return { variables, secrets, blocking: stepErrors(diagnostics, ast, step) };
}

/** The innermost named call step whose text contains `offset`. */
export function callStepAt(ast: FlowFile, offset: number): CallStep | undefined {
  let found: CallStep | undefined;
  forEachStep(ast, (step) => {
    if (step.kind !== "call" || !step.name || offset < step.span.start || offset > step.span.end) return;
    if (!found || step.span.end - step.span.start < found.span.end - found.span.start) found = step;
  });
  return found;
}

/** Every `secret "key"` the file's connections read, once each, in order. */
export function fileSecretKeys(ast: FlowFile): string[] {
  const keys: string[] = [];
  for (const connection of ast.connections) {
    for (const auth of connection.auth) {
      if (auth.source?.kind === "secret" && !keys.includes(auth.source.key)) keys.push(auth.source.key);
    }
  }
  return keys;
}
