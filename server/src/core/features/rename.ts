// Rename a variable, step or connection everywhere it is written. A rename
// that would produce a name the language refuses, or merge two names into
// one, is refused with a message saying why (the editor shows it).

import type { FlowDocument } from "../analysis/document";
import { isSystemName } from "../analysis/system-variables";
import { HTTP_METHODS } from "../syntax/ast";
import type { Span, TextEdit } from "../types";
import { occurrences } from "./occurrences";
import { symbolAt } from "./symbol-at";

export type PrepareRenameResult = { span: Span; placeholder: string } | { error: string };
export type RenameResult = { edits: TextEdit[] } | { error: string };

const VARIABLE_NAME = /^[a-z0-9_]+$/;
const IDENTIFIER = /^[A-Za-z0-9_][A-Za-z0-9_-]*$/;

/** Undefined when nothing renamable is under the cursor. */
export function prepareRename(doc: FlowDocument, offset: number): PrepareRenameResult | undefined {
  const target = symbolAt(doc, offset);
  if (!target || target.kind === "method") return undefined;
  if (target.kind === "variable" && isSystemName(target.name)) return { error: `{{${target.name}}} is a system variable: it cannot be renamed` };
  return { span: target.span, placeholder: target.name };
}

export function rename(doc: FlowDocument, offset: number, newName: string): RenameResult {
  const prepared = prepareRename(doc, offset);
  if (!prepared) return { error: "Only variables, steps and connections can be renamed" };
  if ("error" in prepared) return prepared;
  const target = symbolAt(doc, offset)!;
  if (target.kind === "method") return { error: "Only variables, steps and connections can be renamed" };
  const name = target.name;
  if (newName === name) return { edits: [] };
  const invalid = invalidName(target.kind, newName);
  if (invalid) return { error: invalid };
  const taken = target.kind === "variable" ? doc.symbols.variables.has(newName) : target.kind === "step" ? doc.symbols.steps.has(newName) : doc.symbols.connections.has(newName);
  if (taken) return { error: `A ${target.kind} named ${newName} already exists: renaming ${name} would merge the two` };
  return { edits: occurrences(doc, target.kind, name).map((o) => ({ span: o.span, newText: newName })) };
}

function invalidName(kind: "variable" | "step" | "connection", newName: string): string | undefined {
  if (kind === "variable") {
    return VARIABLE_NAME.test(newName) ? undefined : `"${newName}" is not a valid variable name: use only lowercase letters, digits and underscores (^[a-z0-9_]+$)`;
  }
  if (!IDENTIFIER.test(newName)) return `"${newName}" is not a valid ${kind} name: use letters, digits, _ and -, starting with a letter, digit or _`;
  if ((HTTP_METHODS as readonly string[]).includes(newName)) return `"${newName}" is an HTTP method: choose another ${kind} name`;
  return undefined;
}
