// The one call a shell makes to turn "this step, these typed values" into a
// request: finds the step's connection, merges test values, builds.

import type { CallStep, FlowFile, Step } from "../syntax/ast";
import type { BuildResult } from "./prepared-request";
import { buildRequest } from "./build-request";
import { findConnection, type SecretResolver } from "./credentials";
import { collectTestValues } from "./test-values";

export interface PrepareOptions {
  /** values typed by the person; they win over the step's `test` lines */
  overrides?: ReadonlyMap<string, string> | Record<string, string>;
  resolveSecret: SecretResolver;
}

export async function prepareTestRequest(ast: FlowFile, step: CallStep, options: PrepareOptions): Promise<BuildResult> {
  const found = findConnection(ast, step);
  const values = collectTestValues(step, options.overrides);
  const built = await buildRequest(step, values, { connection: found.connection, resolveSecret: options.resolveSecret });
  if (!found.problems.length) return built;
  return { ok: false, problems: [...found.problems, ...(built.ok ? [] : built.problems)].sort((a, b) => a.span.start - b.span.start) };
}

/** Every call step, nested ones included, in document order. */
export function callSteps(ast: FlowFile): CallStep[] {
  const out: CallStep[] = [];
  const walk = (steps: Step[]) => {
    for (const step of steps) {
      if (step.kind === "call") {
        out.push(step);
        walk(step.onSuccess?.steps ?? []);
        walk(step.onFailure?.steps ?? []);
      } else if (step.kind === "menu") {
        for (const option of step.options) walk(option.steps);
      }
    }
  };
  walk(ast.steps);
  return out;
}

/** The call step with this name (the first, if a file has duplicates). */
export function findCallStep(ast: FlowFile, name: string): CallStep | undefined {
  return callSteps(ast).find((step) => step.name?.name === name);
}
