// Visits every step of a file, nested branches and options included, with
// the block each step sits in. Rules and features use it instead of each
// writing its own recursion.

import type { Branch, CallStep, FlowFile, MenuOption, Step, StringLiteral, VarRef } from "../syntax/ast";

export type Block =
  | { kind: "file"; steps: Step[] }
  | { kind: "branch"; steps: Step[]; branch: Branch; call: CallStep }
  | { kind: "option"; steps: Step[]; option: MenuOption };

export function forEachBlock(file: FlowFile, visit: (block: Block) => void): void {
  const walk = (block: Block) => {
    visit(block);
    for (const step of block.steps) {
      if (step.kind === "call") {
        if (step.onSuccess) walk({ kind: "branch", steps: step.onSuccess.steps, branch: step.onSuccess, call: step });
        if (step.onFailure) walk({ kind: "branch", steps: step.onFailure.steps, branch: step.onFailure, call: step });
      } else if (step.kind === "menu") {
        for (const option of step.options) walk({ kind: "option", steps: option.steps, option });
      }
    }
  };
  walk({ kind: "file", steps: file.steps });
}

export function forEachStep(file: FlowFile, visit: (step: Step, block: Block) => void): void {
  forEachBlock(file, (block) => {
    for (const step of block.steps) visit(step, block);
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
  if (s) for (const ref of s.vars) visit(ref, place);
}

/** Calls `visit` for each reference a step makes itself, not those of the steps nested in it (no allocation: the flow analysis runs it on every step). */
export function forEachOwnVarUse(step: Step, visit: UseVisitor): void {
  switch (step.kind) {
    case "say": fromString(step.text, "message", visit); break;
    case "ask": fromString(step.prompt, "prompt", visit); break;
    case "handoff": fromString(step.message, "message", visit); break;
    case "menu":
      fromString(step.question, "prompt", visit);
      for (const option of step.options) fromString(option.label, "prompt", visit);
      break;
    case "call":
      for (const request of step.requests) if (request.url) for (const ref of request.url.vars) visit(ref, "url");
      for (const header of step.headers) fromString(header.value, "header", visit);
      for (const body of step.bodies) if (body.json) for (const ref of body.json.vars) visit(ref, "body");
      break;
  }
}

/** The references a step makes itself, not those of the steps nested in it. */
export function ownVarUses(step: Step): VarUseSite[] {
  const out: VarUseSite[] = [];
  forEachOwnVarUse(step, (ref, place) => out.push({ ref, place }));
  return out;
}
