// Variables put into the text a customer sees. An unset variable is skipped
// (the spec: "Hi {{first_name}}!" shows "Hi !"), never shown as `{{name}}`
// or as "undefined".

import type { StringLiteral } from "../syntax/ast";
import { replaceVarRefs } from "../text/var-refs";

export function interpolate(template: string, values: ReadonlyMap<string, string>): string {
  return replaceVarRefs(template, (ref) => values.get(ref.name) ?? "");
}

/** A message, prompt or label as shown; a missing string (a broken statement) shows as empty. */
export function showText(literal: StringLiteral | undefined, values: ReadonlyMap<string, string>): string {
  return literal ? interpolate(literal.value, values) : "";
}
