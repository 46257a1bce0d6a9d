// Which variables are set at each use, on every path that reaches it: a
// forward "must" analysis over the steps. A call step's saves hold on its
// success branch and after it, never on its failure branch; after a branching
// step only what every continuing branch set is known. `goto` edges are
// solved by iterating to a fixed point (a handful of passes at most: the sets
// only shrink). Steps no path reaches are collected for `unreachable`.

import type { CallStep, FlowFile, GotoStep, Step, VarRef } from "../syntax/ast";
import { forEachOwnVarUse, type UsePlace } from "./walk";
import { systemVariable } from "./system-variables";
import { VarNumbering, VarSet } from "./var-set";

export type UseStatus =
  | { kind: "ok" }
  | { kind: "undefined" }
  /** saved by `call`, used in that call's own failure branch */
  | { kind: "unset-on-failure"; call: CallStep }
  | { kind: "unknown-system" };

export interface VariableUse {
  ref: VarRef;
  place: UsePlace;
  step: Step;
  status: UseStatus;
}

export interface FlowAnalysis {
  uses: VariableUse[];
  /** Whether any step uses the variable `name` (asked or saved; system variables are not counted). */
  isUsed(name: string): boolean;
  /** runs of consecutive steps in one block that no path reaches */
  unreachable: Step[][];
  /** the variables set when each step in `capture` starts (reachable steps only) */
  definedAt: Map<Step, ReadonlySet<string>>;
}

/** null: no path gets here (the branch ended) */
type State = VarSet | null;

const MAX_PASSES = 20;

/** Intersection, in place in `a` (which the caller owns). */
function meet(a: State, b: State): State {
  if (a === null) return b === null ? null : b.copy();
  if (b === null) return a;
  a.intersect(b);
  return a;
}

function sameSets(a: Map<string, VarSet>, b: Map<string, VarSet>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, set] of a) {
    const other = b.get(k);
    if (!other || !other.equals(set)) return false;
  }
  return true;
}

/** Numbers every variable an ask or save defines; other names are never in a set. */
// Loops by index, not for…of, here and in the Walker: see walk.ts.
function numberVariables(steps: readonly Step[], numbering: VarNumbering): void {
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    if (step.kind === "ask" && step.variable) numbering.id(step.variable.name);
    else if (step.kind === "call") {
      const saves = step.saves;
      for (let j = 0; j < saves.length; j++) if (saves[j].variable) numbering.id(saves[j].variable!.name);
      if (step.onSuccess) numberVariables(step.onSuccess.steps, numbering);
      if (step.onFailure) numberVariables(step.onFailure.steps, numbering);
    } else if (step.kind === "menu") for (let j = 0; j < step.options.length; j++) numberVariables(step.options[j].steps, numbering);
  }
}

/** `capture`: steps whose incoming variables to keep (copying them at every step would cost O(steps × variables)). */
export function analyzeFlow(file: FlowFile, capture?: ReadonlySet<Step>): FlowAnalysis {
  const numbering = new VarNumbering();
  numberVariables(file.steps, numbering);
  let gotoIn = new Map<string, VarSet>();
  let result = emptyResult(numbering, VarSet.empty(numbering.words));
  const hasGoto = { value: false };
  // A chain of backward gotos settles one link per pass: allow more passes as more targets are reached.
  for (let pass = 0; pass < MAX_PASSES + 2 * gotoIn.size; pass++) {
    const nextGotoIn = new Map<string, VarSet>();
    const used = VarSet.empty(numbering.words);
    result = emptyResult(numbering, used);
    const walker = new Walker(numbering, gotoIn, nextGotoIn, result, used, hasGoto, capture);
    walker.block(file.steps, VarSet.empty(numbering.words), []);
    if (!hasGoto.value || sameSets(gotoIn, nextGotoIn)) break;
    gotoIn = nextGotoIn;
  }
  return result;
}

/** A pass's result; `used` collects the ids of the variables its uses name (filled by the Walker). */
function emptyResult(numbering: VarNumbering, used: VarSet): FlowAnalysis {
  return {
    uses: [],
    unreachable: [],
    definedAt: new Map(),
    isUsed(name) {
      const id = numbering.lookup(name);
      return id !== undefined && used.has(id);
    },
  };
}

// Shared: one status object per kind instead of one per use.
const OK: UseStatus = Object.freeze({ kind: "ok" });
const UNDEFINED: UseStatus = Object.freeze({ kind: "undefined" });
const UNKNOWN_SYSTEM: UseStatus = Object.freeze({ kind: "unknown-system" });

class Walker {
  constructor(
    private readonly numbering: VarNumbering,
    private readonly gotoIn: Map<string, VarSet>,
    private readonly nextGotoIn: Map<string, VarSet>,
    private readonly out: FlowAnalysis,
    private readonly used: VarSet,
    private readonly hasGoto: { value: boolean },
    private readonly capture: ReadonlySet<Step> | undefined,
  ) {}

  /** Walks a block with its own copy of the state; returns the state after its last step. */
  block(steps: Step[], state: State, failureOf: CallStep[]): State {
    let run: Step[] = [];
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i];
      const name = step.kind === "call" || step.kind === "menu" ? step.name?.name : undefined;
      if (name !== undefined) {
        const viaGoto = this.gotoIn.get(name);
        if (viaGoto) state = meet(state, viaGoto);
        // Gotos already walked in this pass count too: a chain of forward gotos then settles in one pass, not one per link.
        const viaGotoThisPass = this.nextGotoIn.get(name);
        if (viaGotoThisPass) state = meet(state, viaGotoThisPass);
      }
      if (state === null) {
        run.push(step);
        continue;
      }
      if (run.length) {
        this.out.unreachable.push(run);
        run = [];
      }
      if (this.capture?.has(step)) this.out.definedAt.set(step, new Set([...state.ids()].map((id) => this.numbering.names[id])));
      state = this.step(step, state, failureOf);
    }
    if (run.length) this.out.unreachable.push(run);
    return state;
  }

  // The step being walked, for visitUse: one visitor for the whole walk, not a closure per step.
  private walkingStep!: Step;
  private walkingState!: VarSet;
  private walkingFailureOf!: CallStep[];
  private readonly visitUse = (ref: VarRef, place: UsePlace): void => {
    this.out.uses.push({ ref, place, step: this.walkingStep, status: this.status(ref.name, this.walkingState, this.walkingFailureOf) });
  };

  private uses(step: Step, state: VarSet, failureOf: CallStep[]): void {
    this.walkingStep = step;
    this.walkingState = state;
    this.walkingFailureOf = failureOf;
    forEachOwnVarUse(step, this.visitUse);
  }

  private status(name: string, state: VarSet, failureOf: CallStep[]): UseStatus {
    if (name.includes(".")) return systemVariable(name) ? OK : UNKNOWN_SYSTEM;
    const id = this.numbering.lookup(name);
    if (id !== undefined) this.used.add(id);
    if (id !== undefined && state.has(id)) return OK;
    for (let i = failureOf.length - 1; i >= 0; i--) {
      if (failureOf[i].saves.some((s) => s.variable?.name === name)) return { kind: "unset-on-failure", call: failureOf[i] };
    }
    return UNDEFINED;
  }

  private step(step: Step, state: VarSet, failureOf: CallStep[]): State {
    this.uses(step, state, failureOf);
    switch (step.kind) {
      case "say":
        return state;
      case "ask":
        if (step.variable) state.add(this.numbering.id(step.variable.name));
        return state;
      case "call": {
        const saved: number[] = [];
        for (let i = 0; i < step.saves.length; i++) {
          const variable = step.saves[i].variable;
          if (variable) saved.push(this.numbering.id(variable.name));
        }
        const onSuccess = state.copy();
        for (let i = 0; i < saved.length; i++) onSuccess.add(saved[i]);
        const afterSuccess = step.onSuccess ? this.block(step.onSuccess.steps, onSuccess, failureOf) : onSuccess;
        const afterFailure = step.onFailure ? this.block(step.onFailure.steps, state.copy(), [...failureOf, step]) : state;
        const after = meet(afterSuccess, afterFailure);
        if (after) for (let i = 0; i < saved.length; i++) after.add(saved[i]);
        return after;
      }
      case "menu": {
        if (!step.options.length) return state;
        let after: State = null;
        let first = true;
        for (let i = 0; i < step.options.length; i++) {
          const end = this.block(step.options[i].steps, state.copy(), failureOf);
          after = first ? end : meet(after, end);
          first = false;
        }
        return after;
      }
      case "goto":
        this.hasGoto.value = true;
        if (step.target) this.recordGoto(step, state);
        return null;
      case "handoff":
      case "end":
        return null;
    }
  }

  private recordGoto(step: GotoStep, state: VarSet): void {
    const name = step.target!.name;
    const known = this.nextGotoIn.get(name);
    this.nextGotoIn.set(name, known ? (meet(known, state) as VarSet) : state.copy());
  }
}
