// Variables put into the text a customer sees. An unset variable is skipped
// (the spec: "Hi {{first_name}}!" shows "Hi !"), never shown as `{{name}}`
// or as "undefined".

import type { StringLiteral } from "../syntax/ast";

const VAR_REF = /\{\{([^{}\n]*)\}\}/g;

export function interpolate(template: string, values: ReadonlyMap<string, string>): string {
  if (!template.includes("{{")) return template;
  return template.replace(VAR_REF, (_whole, inner: string) => values.get(inner.trim()) ?? "");
}

/** A message, prompt or label as shown; a missing string (a broken statement) shows as empty. */
export function showText(literal: StringLiteral | undefined, values: ReadonlyMap<string, string>): string {
  return literal ? interpolate(literal.value, values) : "";
}
