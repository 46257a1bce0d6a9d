// The names a file declares: variables (by `ask` and `save`), named steps and
// connections, each with where it is written. Built once per document; rules,
// completion, hover, rename and references all read it.

import type { AskStep, AskType, CallStep, Connection, FlowFile, Identifier, NamedStep, SaveLine, Step } from "../syntax/ast";
import { ASK_TYPES } from "../syntax/ast";
import { forEachStep } from "./walk";
import type { ValueType } from "./system-variables";

export type VariableDefinition =
  | { kind: "ask"; name: string; id: Identifier; step: AskStep; type: ValueType }
  | { kind: "save"; name: string; id: Identifier; step: CallStep; save: SaveLine; type: ValueType };

export interface Symbols {
  /** every definition of each variable name, in file order */
  variables: Map<string, VariableDefinition[]>;
  /** `call` and `menu` steps by name (several when duplicated) */
  steps: Map<string, NamedStep[]>;
  connections: Map<string, Connection[]>;
  /** every call step, nested ones included */
  calls: CallStep[];
  /** every step, nested ones included (a block's steps before those nested in them) */
  allSteps: Step[];
}

export function askType(step: AskStep): ValueType {
  const written = step.type?.name;
  return written && (ASK_TYPES as readonly string[]).includes(written) ? (written as AskType) : "text";
}

export function collectSymbols(file: FlowFile): Symbols {
  const variables = new Map<string, VariableDefinition[]>();
  const steps = new Map<string, NamedStep[]>();
  const connections = new Map<string, Connection[]>();
  const allSteps: Step[] = [];
  const calls: CallStep[] = [];
  const add = <T>(map: Map<string, T[]>, key: string, value: T) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const connection of file.connections) if (connection.name) add(connections, connection.name.name, connection);
  forEachStep(file, (step) => {
    allSteps.push(step);
    if (step.kind === "ask" && step.variable) {
      add(variables, step.variable.name, { kind: "ask", name: step.variable.name, id: step.variable, step, type: askType(step) });
    } else if (step.kind === "call") {
      calls.push(step);
      if (step.name) add(steps, step.name.name, step);
      // By index, not for…of: see walk.ts.
      for (let i = 0; i < step.saves.length; i++) {
        const save = step.saves[i];
        if (save.variable) add(variables, save.variable.name, { kind: "save", name: save.variable.name, id: save.variable, step, save, type: "json" });
      }
    } else if (step.kind === "menu" && step.name) {
      add(steps, step.name.name, step);
    }
  });
  return { variables, steps, connections, calls, allSteps };
}
