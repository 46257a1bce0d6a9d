// `var-name`: names of `ask` and `save` variables are lowercase letters,
// digits and underscores. The fix renames the variable everywhere.

import { defineRule } from "./rule";
import { VARIABLE_NAME } from "./fixes";
import { toSnakeCase } from "../text/snake-case";
import type { FlowDocument } from "../analysis/document";
import type { Fix, TextEdit } from "../types";

export default defineRule({
  code: "var-name",
  severity: "error",
  description: "A variable defined by ask or save whose name breaks ^[a-z0-9_]+$.",
  check({ doc, report }) {
    for (const [name, defs] of doc.symbols.variables) {
      if (VARIABLE_NAME.test(name)) continue;
      const fix = renameEverywhere(doc, name);
      for (const def of defs) {
        report({ span: def.id.span, message: `Variable names may only use lowercase letters, digits and underscores: try ${fix.newName}`, fixes: [fix.fix] });
      }
    }
  },
});

function renameEverywhere(doc: FlowDocument, name: string): { newName: string; fix: Fix } {
  const snake = toSnakeCase(name) || "value";
  let newName = snake;
  for (let i = 2; doc.symbols.variables.has(newName) && newName !== name; i++) newName = `${snake}_${i}`;
  const edits: TextEdit[] = [];
  for (const def of doc.symbols.variables.get(name) ?? []) edits.push({ span: def.id.span, newText: newName });
  for (const use of doc.flow.uses) if (use.ref.name === name) edits.push({ span: use.ref.nameSpan, newText: newName });
  for (const step of doc.symbols.allSteps) {
    if (step.kind === "call") for (const t of step.tests) if (t.variable?.name === name) edits.push({ span: t.variable.span, newText: newName });
  }
  return { newName, fix: { title: `Rename to ${newName}`, edits, preferred: true } };
}
