// The one call a shell makes to turn "this step, these typed values" into a
// request: finds the step's connection, merges test values, builds.

import type { CallStep, FlowFile } from "../syntax/ast";
import { forEachStep } from "../analysis/walk";
import type { BuildResult } from "./prepared-request";
import { buildRequest, type BuildRequestOptions } from "./build-request";
import { findConnection, type SecretResolver } from "./credentials";
import { collectTestValues } from "./test-values";

export interface PrepareOptions {
  /** values typed by the person; they win over the step's `test` lines */
  overrides?: ReadonlyMap<string, string> | Record<string, string>;
  resolveSecret: SecretResolver;
  /** the document's split URLs, when the shell has the document */
  endpoints?: BuildRequestOptions["endpoints"];
}

export async function prepareTestRequest(ast: FlowFile, step: CallStep, options: PrepareOptions): Promise<BuildResult> {
  const found = findConnection(ast, step);
  const values = collectTestValues(step, options.overrides);
  const built = await buildRequest(step, values, { connection: found.connection, resolveSecret: options.resolveSecret, ...(options.endpoints ? { endpoints: options.endpoints } : {}) });
  if (!found.problems.length) return built;
  return { ok: false, problems: [...found.problems, ...(built.ok ? [] : built.problems)].sort((a, b) => a.span.start - b.span.start) };
}

/** The call step with this name (the first, if a file has duplicates), nested ones included. */
export function findCallStep(ast: FlowFile, name: string): CallStep | undefined {
  let found: CallStep | undefined;
  forEachStep(ast, (step) => {
    if (!found && step.kind === "call" && step.name?.name === name) found = step;
  });
  return found;
}
