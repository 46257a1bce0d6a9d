// What a shell must gather before "Run test call" sends a step: which step
// (by name, or the one around the cursor), the variables its request uses
// (with the step's test values), the secrets its connection reads, and the
// errors that stop it from being sent.

import type { FlowDocument } from "../analysis/document";
import { forEachStep } from "../analysis/walk";
import { findConnection } from "../request/credentials";
import { findCallStep } from "../request/prepare-test-request";
import { stepErrors } from "../request/step-errors";
import { collectTestValues, requestVariables } from "../request/test-values";
import type { CallStep, FlowFile, SecretSource } from "../syntax/ast";
import type { Diagnostic } from "../types";

/** The step to test: by name (a code lens, the CLI), or the call step around an offset (the palette). */
export type TestCallTarget = { step: string } | { offset: number };

export interface ReadyPlan {
  ok: true;
  document: FlowDocument;
  step: CallStep;
  name: string;
  /** every variable the request uses, in order, with its `test` value when the step has one */
  variables: { name: string; testValue?: string }[];
  /** the secrets the step's connection reads */
  secrets: SecretSource[];
  /** every `secret "key"` source in the file (for Set connection secret) */
  fileSecrets: string[];
  /** errors that stop the step from being sent */
  blocking: Diagnostic[];
}

export interface NoStep {
  ok: false;
  /** `no-such-step`: no call step has the name; `no-step-here`: the offset is in no named call step */
  reason: "no-such-step" | "no-step-here";
  error: string;
  fileSecrets: string[];
  /** the file's call steps, for a shell that lists them */
  stepNames: string[];
}

export type TestCallPlan = ReadyPlan | NoStep;

export function planTestCall(document: FlowDocument, diagnostics: readonly Diagnostic[], target: TestCallTarget): TestCallPlan {
  const { ast } = document;
  const fileSecrets = fileSecretKeys(ast);
  const step = "step" in target ? findCallStep(ast, target.step) : callStepAt(ast, target.offset);
  if (!step?.name) {
    const noSuch = "step" in target;
    return {
      ok: false,
      reason: noSuch ? "no-such-step" : "no-step-here",
      error: noSuch ? `This file has no call step named ${target.step}` : "Put the cursor inside a named call step",
      fileSecrets,
      stepNames: callStepNames(ast),
    };
  }
  const values = collectTestValues(step);
  const seen = new Set<string>();
  const variables: ReadyPlan["variables"] = [];
  for (const ref of requestVariables(step)) {
    if (seen.has(ref.name)) continue;
    seen.add(ref.name);
    const testValue = values.get(ref.name);
    variables.push(testValue === undefined ? { name: ref.name } : { name: ref.name, testValue });
  }
  const connection = findConnection(ast, step).connection;
  const secrets = connection ? connection.auth.flatMap((a) => (a.source ? [a.source] : [])) : [];
  return { ok: true, document, step, name: step.name.name, variables, secrets, fileSecrets, blocking: stepErrors(diagnostics, ast, step) };
}

/** The innermost named call step whose text contains `offset`. */
function callStepAt(ast: FlowFile, offset: number): CallStep | undefined {
  let found: CallStep | undefined;
  forEachStep(ast, (step) => {
    if (step.kind !== "call" || !step.name || offset < step.span.start || offset > step.span.end) return;
    if (!found || step.span.end - step.span.start < found.span.end - found.span.start) found = step;
  });
  return found;
}

/** Every `secret "key"` the file's connections read, once each, in order. */
function fileSecretKeys(ast: FlowFile): string[] {
  const keys: string[] = [];
  for (const connection of ast.connections) {
    for (const auth of connection.auth) {
      if (auth.source?.kind === "secret" && !keys.includes(auth.source.key)) keys.push(auth.source.key);
    }
  }
  return keys;
}

function callStepNames(ast: FlowFile): string[] {
  const names: string[] = [];
  forEachStep(ast, (s) => {
    if (s.kind === "call" && s.name) names.push(s.name.name);
  });
  return names;
}
