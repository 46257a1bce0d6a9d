// The variables set at a place in the file, on every path that reaches it,
// with where each comes from. Completion offers exactly these after `{{`.
//
// The flow analysis knows the variables set when a step starts; a place
// between steps takes the previous step's and adds what that step sets. Where
// no path reaches the place (dead code being written), it falls back to every
// variable defined earlier in the text, so the author still gets names.

import type { FlowDocument } from "../analysis/document";
import { analyzeFlow } from "../analysis/flow-graph";
import type { VariableDefinition } from "../analysis/symbols";
import { SYSTEM_VARIABLES, type ValueType } from "../analysis/system-variables";
import type { CallStep, MenuStep, Step } from "../syntax/ast";
import { touches } from "./spans";

export type VariableOrigin =
  | { kind: "ask"; definition: Extract<VariableDefinition, { kind: "ask" }> }
  | { kind: "save"; definition: Extract<VariableDefinition, { kind: "save" }> }
  | { kind: "system"; description: string };

export interface ScopeVariable {
  name: string;
  type: ValueType;
  origin: VariableOrigin;
}

/** Where an offset sits among the steps. */
type Place =
  | { kind: "in-step"; step: Step }
  | { kind: "after"; step: Step }
  | { kind: "start-of-file" }
  | { kind: "start-of-branch"; call: CallStep; outcome: "success" | "failure" }
  | { kind: "start-of-option"; menu: MenuStep };

function locate(doc: FlowDocument, offset: number): Place {
  return locateIn(doc.ast.steps, offset, { kind: "start-of-file" });
}

function locateIn(steps: Step[], offset: number, start: Place): Place {
  let previous: Step | undefined;
  for (const step of steps) {
    if (step.span.start > offset) break;
    if (touches(step.span, offset)) {
      if (step.kind === "call") {
        for (const branch of [step.onSuccess, step.onFailure]) {
          if (branch && offset > branch.span.start && touches(branch.span, offset)) {
            return locateIn(branch.steps, offset, { kind: "start-of-branch", call: step, outcome: branch.outcome });
          }
        }
      } else if (step.kind === "menu") {
        for (const option of step.options) {
          if (offset > option.span.start && touches(option.span, offset)) return locateIn(option.steps, offset, { kind: "start-of-option", menu: step });
        }
      }
      return { kind: "in-step", step };
    }
    previous = step;
  }
  return previous ? { kind: "after", step: previous } : start;
}

/** Names set at `offset`, then the system variables. */
export function variablesInScope(doc: FlowDocument, offset: number): ScopeVariable[] {
  const names = namesInScope(doc, offset);
  const out: ScopeVariable[] = [];
  for (const name of [...names].sort()) {
    const definition = nearestDefinition(doc, name, offset);
    if (definition) out.push(fromDefinition(definition));
  }
  for (const v of SYSTEM_VARIABLES) out.push({ name: v.name, type: v.type, origin: { kind: "system", description: v.description } });
  return out;
}

export function fromDefinition(definition: VariableDefinition): ScopeVariable {
  return definition.kind === "ask"
    ? { name: definition.name, type: definition.type, origin: { kind: "ask", definition } }
    : { name: definition.name, type: definition.type, origin: { kind: "save", definition } };
}

function namesInScope(doc: FlowDocument, offset: number): Set<string> {
  const place = locate(doc, offset);
  if (place.kind === "start-of-file") return new Set();
  const anchor = place.kind === "in-step" || place.kind === "after" ? place.step : place.kind === "start-of-branch" ? place.call : place.menu;
  const atAnchor = analyzeFlow(doc.ast, new Set([anchor])).definedAt.get(anchor);
  if (!atAnchor) return definedEarlier(doc, offset);
  const names = new Set(atAnchor);
  if (place.kind === "after") for (const name of setBy(place.step)) names.add(name);
  if (place.kind === "start-of-branch" && place.outcome === "success") for (const name of setBy(place.call)) names.add(name);
  return names;
}

/** What a step sets for the steps after it. */
function setBy(step: Step): string[] {
  if (step.kind === "ask") return step.variable ? [step.variable.name] : [];
  if (step.kind === "call") return step.saves.flatMap((s) => (s.variable ? [s.variable.name] : []));
  return [];
}

function definedEarlier(doc: FlowDocument, offset: number): Set<string> {
  const names = new Set<string>();
  for (const [name, defs] of doc.symbols.variables) if (defs.some((d) => d.id.span.end <= offset)) names.add(name);
  return names;
}

/** The last definition before `offset`, else the first one. */
function nearestDefinition(doc: FlowDocument, name: string, offset: number): VariableDefinition | undefined {
  const defs = doc.symbols.variables.get(name);
  if (!defs?.length) return undefined;
  let best = defs[0];
  for (const d of defs) if (d.id.span.start <= offset) best = d;
  return best;
}
