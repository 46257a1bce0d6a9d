// Visits every step of a file, nested branches and options included, with
// the block each step sits in. Rules and features use it instead of each
// writing its own recursion.

import type { Branch, CallStep, FlowFile, MenuOption, Step, StringLiteral, VarRef } from "../syntax/ast";

export type Block =
  | { kind: "file"; steps: Step[] }
  | { kind: "branch"; steps: Step[]; branch: Branch; call: CallStep }
  | { kind: "option"; steps: Step[]; option: MenuOption };

// The walks below loop by index, not with for…of: a check in a fresh process runs them in V8's
// interpreter, where for…of (an iterator object and a call per element) cost several times more.

export function forEachBlock(file: FlowFile, visit: (block: Block) => void): void {
  const walk = (block: Block) => {
    visit(block);
    const steps = block.steps;
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i];
      if (step.kind === "call") {
        if (step.onSuccess) walk({ kind: "branch", steps: step.onSuccess.steps, branch: step.onSuccess, call: step });
        if (step.onFailure) walk({ kind: "branch", steps: step.onFailure.steps, branch: step.onFailure, call: step });
      } else if (step.kind === "menu") {
        const options = step.options;
        for (let j = 0; j < options.length; j++) walk({ kind: "option", steps: options[j].steps, option: options[j] });
      }
    }
  };
  walk({ kind: "file", steps: file.steps });
}

export function forEachStep(file: FlowFile, visit: (step: Step, block: Block) => void): void {
  forEachBlock(file, (block) => {
    const steps = block.steps;
    for (let i = 0; i < steps.length; i++) visit(steps[i], block);
  });
}

/** Where a variable reference is written, which decides how its value is used. */
export type UsePlace = "message" | "prompt" | "url" | "header" | "body";

export interface VarUseSite {
  ref: VarRef;
  place: UsePlace;
}

type UseVisitor = (ref: VarRef, place: UsePlace) => void;

function fromString(s: StringLiteral | undefined, place: UsePlace, visit: UseVisitor): void {
  if (s) fromRefs(s.vars, place, visit);
}

function fromRefs(refs: VarRef[], place: UsePlace, visit: UseVisitor): void {
  for (let i = 0; i < refs.length; i++) visit(refs[i], place);
}

/** Calls `visit` for each reference a step makes itself, not those of the steps nested in it (no allocation: the flow analysis runs it on every step). */
export function forEachOwnVarUse(step: Step, visit: UseVisitor): void {
  switch (step.kind) {
    case "say": fromString(step.text, "message", visit); break;
    case "ask": fromString(step.prompt, "prompt", visit); break;
    case "handoff": fromString(step.message, "message", visit); break;
    case "menu":
      fromString(step.question, "prompt", visit);
      for (let i = 0; i < step.options.length; i++) fromString(step.options[i].label, "prompt", visit);
      break;
    case "call":
      for (let i = 0; i < step.requests.length; i++) {
        const url = step.requests[i].url;
        if (url) fromRefs(url.vars, "url", visit);
      }
      for (let i = 0; i < step.headers.length; i++) fromString(step.headers[i].value, "header", visit);
      for (let i = 0; i < step.bodies.length; i++) {
        const json = step.bodies[i].json;
        if (json) fromRefs(json.vars, "body", visit);
      }
      break;
  }
}

/** The references a step makes itself, not those of the steps nested in it. */
export function ownVarUses(step: Step): VarUseSite[] {
  const out: VarUseSite[] = [];
  forEachOwnVarUse(step, (ref, place) => out.push({ ref, place }));
  return out;
}
