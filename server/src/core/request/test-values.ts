// The values "Run test call" puts into a step's request: the step's `test`
// lines, overridden by whatever the person typed (editor prompt, CLI --var).
// Also lists the variables the request needs, so a shell can ask for the
// missing ones before building.

import type { CallStep, VarRef } from "../syntax/ast";
import { ownVarUses } from "../analysis/walk";

/** variable name → test value */
export type TestValues = Map<string, string>;

export function collectTestValues(step: CallStep, overrides?: ReadonlyMap<string, string> | Record<string, string>): TestValues {
  const values: TestValues = new Map();
  for (const line of step.tests) {
    const name = line.variable?.name;
    // The first `test` line for a name wins: a later duplicate is more likely a leftover than the intent.
    if (name && line.value && !values.has(name)) values.set(name, line.value.value);
  }
  const entries = overrides instanceof Map ? overrides.entries() : Object.entries(overrides ?? {});
  for (const [name, value] of entries) values.set(name, value);
  return values;
}

/** Every `{{var}}` in the request line, header values and body, in document order. */
export function requestVariables(step: CallStep): VarRef[] {
  return ownVarUses(step).map((use) => use.ref).sort((a, b) => a.span.start - b.span.start);
}

/** The first use of each variable the request needs and `values` lacks: what a shell should ask for. */
export function missingTestValues(step: CallStep, values: ReadonlyMap<string, string>): VarRef[] {
  const seen = new Set<string>();
  const missing: VarRef[] = [];
  for (const ref of requestVariables(step)) {
    if (values.has(ref.name) || seen.has(ref.name)) continue;
    seen.add(ref.name);
    missing.push(ref);
  }
  return missing;
}

export function missingValueMessage(name: string): string {
  return /^[a-z0-9_]+$/.test(name)
    ? `No test value for {{${name}}}: add \`test ${name} = "..."\` to the step or give a value when asked`
    : `No test value for {{${name}}}: give a value when asked`;
}
