// `period-in-path-var`: hosted builders refuse a path variable whose value
// holds a period (it could turn `/orders/{{id}}` into `/orders/a.json`). We
// flag it wherever the value can hold one: an email, URL, number or date
// answer, a system variable such as customer.email, a test value with a
// period, or a saved variable whose value in the saving step's recorded
// sample (or example) has one. The fix moves the variable into the query string.

import { defineRule } from "./rule";
import { textOf } from "../analysis/url";
import { systemVariable } from "../analysis/system-variables";
import type { FlowDocument } from "../analysis/document";
import type { CallStep, VarRef } from "../syntax/ast";
import type { Fix } from "../types";
import { checkPath, NO_SAMPLES, pathSourceOf, type StepSamples } from "../samples/step-sample";

const ASK_REASONS: Partial<Record<string, string>> = {
  email: "an email address",
  url: "a web address",
  number: "a number, which can have a decimal point",
  date: "a date, which can be written with periods",
};

/** Why this variable's value can hold a period, or undefined when it cannot. */
export function periodReason(doc: FlowDocument, call: CallStep, name: string, samples: StepSamples = NO_SAMPLES): string | undefined {
  const system = systemVariable(name);
  if (system) return system.mayContainPeriod ? (system.type === "email" ? "an email address" : `${system.description.toLowerCase()}, which can contain periods`) : undefined;
  for (const def of doc.symbols.variables.get(name) ?? []) {
    if (def.kind === "ask" && ASK_REASONS[def.type]) return ASK_REASONS[def.type];
  }
  const test = call.tests.find((t) => t.variable?.name === name && t.value?.value.includes("."));
  if (test) return `its test value ${JSON.stringify(test.value!.value)} has one`;
  for (const def of doc.symbols.variables.get(name) ?? []) {
    if (def.kind !== "save" || !def.save.path) continue;
    const source = pathSourceOf(def.step, samples);
    const found = source && checkPath(source, def.save.path.segments);
    if (found?.kind !== "found") continue;
    const value = found.value;
    if ((typeof value === "string" || typeof value === "number") && String(value).includes(".")) {
      return `its value in the ${source!.origin} of ${def.step.name?.name ?? "its step"}, ${JSON.stringify(value)}, has one`;
    }
  }
  return undefined;
}

export default defineRule({
  code: "period-in-path-var",
  severity: "error",
  description: "A variable in the URL path whose value can contain a period.",
  check({ doc, samples, report }) {
    for (const { call, parts, vars } of doc.urls) {
      for (const { ref, place } of vars) {
        if (place !== "path") continue;
        const reason = periodReason(doc, call, ref.name, samples);
        if (!reason) continue;
        report({
          span: ref.span,
          message: `Variables added in the URL path must not contain periods: {{${ref.name}}} is ${reason.startsWith("its ") ? `unsafe, ${reason}` : reason}`,
          // Only a whole path segment can move: `/orders/{{id}}.json` would leave `/orders/.json` behind.
          fixes: wholeSegment(doc.text, ref, parts.path) ? [moveToQuery(doc, ref, parts.query, parts.path, parts.fragment)] : undefined,
        });
      }
    }
  },
});

function wholeSegment(text: string, ref: VarRef, path: { start: number; end: number }): boolean {
  return text[ref.span.start - 1] === "/" && (ref.span.end === path.end || text[ref.span.end] === "/");
}

function moveToQuery(doc: FlowDocument, ref: VarRef, query: { start: number; end: number } | undefined, path: { start: number; end: number }, fragment?: { start: number; end: number }): Fix {
  const key = ref.name.replace(/\./g, "_");
  const param = `${key}={{${ref.name}}}`;
  // Drop the variable and one slash before it, so `/orders/{{id}}` becomes `/orders`.
  let removeStart = ref.span.start;
  let removeEnd = ref.span.end;
  const before = doc.text[removeStart - 1];
  const after = doc.text[removeEnd];
  if (before === "/" && (after === undefined || after === "/" || removeEnd === path.end)) removeStart -= 1;
  const insertAt = query ? query.end : fragment ? fragment.start - 1 : path.end;
  const insert = query ? (textOf(doc.text, query) ? `&${param}` : param) : `?${param}`;
  return {
    title: `Pass {{${ref.name}}} as the query value ${key}=`,
    edits: [
      { span: { start: removeStart, end: removeEnd }, newText: "" },
      { span: { start: insertAt, end: insertAt }, newText: insert },
    ],
  };
}
