// Where a conversation is: a stack of blocks, each with the index of its
// next step. Entering a branch or an option pushes its block; when a block
// runs out, the block around it continues after the step that held it (the
// spec: after a call's block the flow goes on with the next step). A `goto`
// replaces the stack with the path to the named step, so the flow continues
// from there exactly as if it had arrived there from the top.

import type { FlowFile, Step } from "../syntax/ast";

export interface Frame {
  steps: readonly Step[];
  next: number;
}

export type Cursor = Frame[];

export function startCursor(file: FlowFile): Cursor {
  return [{ steps: file.steps, next: 0 }];
}

/** The next step to run, advancing the cursor; undefined when the flow has run to its end. */
export function nextStep(cursor: Cursor): Step | undefined {
  while (cursor.length) {
    const top = cursor[cursor.length - 1];
    if (top.next < top.steps.length) return top.steps[top.next++];
    cursor.pop();
  }
  return undefined;
}

export function enterBlock(cursor: Cursor, steps: readonly Step[]): void {
  cursor.push({ steps, next: 0 });
}

/** For each named step (`call`, `menu`): the cursor that runs it next. The first of duplicate names wins. */
export function gotoTargets(file: FlowFile): Map<string, Cursor> {
  const targets = new Map<string, Cursor>();
  const walk = (steps: readonly Step[], outer: Cursor) => {
    steps.forEach((step, index) => {
      const here: Cursor = [...outer, { steps, next: index }];
      const name = step.kind === "call" || step.kind === "menu" ? step.name?.name : undefined;
      if (name !== undefined && !targets.has(name)) targets.set(name, here);
      // Inside a step's blocks, this block resumes after the step.
      const resume: Cursor = [...outer, { steps, next: index + 1 }];
      if (step.kind === "call") {
        if (step.onSuccess) walk(step.onSuccess.steps, resume);
        if (step.onFailure) walk(step.onFailure.steps, resume);
      } else if (step.kind === "menu") {
        for (const option of step.options) walk(option.steps, resume);
      }
    });
  };
  walk(file.steps, []);
  return targets;
}

/** A fresh copy: the engine advances frames in place, the targets must stay as they are. */
export function copyCursor(cursor: Cursor): Cursor {
  return cursor.map((frame) => ({ ...frame }));
}
