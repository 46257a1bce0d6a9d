// The test values a step needs and has no `test` line for, asked one by one.

import type { TestCallPlan } from "../../../server/src/protocol";
import { ui } from "../ui";

/** The typed values by variable name; undefined when the person cancelled a prompt. */
export async function askValues(step: string, variables: TestCallPlan["variables"]): Promise<Record<string, string> | undefined> {
  const typed: Record<string, string> = {};
  for (const variable of variables) {
    if (variable.testValue !== undefined) continue;
    const value = await ui.showInputBox({
      title: `Run test call: ${step}`,
      prompt: `Test value for {{${variable.name}}}`,
      placeHolder: variable.name,
      ignoreFocusOut: true,
    });
    if (value === undefined) return undefined;
    typed[variable.name] = value;
  }
  return typed;
}
