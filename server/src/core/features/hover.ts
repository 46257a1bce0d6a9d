// Hover: what a name is. A variable shows where it comes from and its type,
// and its sample value once a test call of the step that saves it has run; a
// step shows its request (method, URL, connection, saves) or its options; a
// connection shows how it authenticates (never a secret: only where it is
// read from); an HTTP method says what it implies here.

import type { FlowDocument } from "../analysis/document";
import { systemVariable } from "../analysis/system-variables";
import type { CallStep, Connection, HttpMethod, MenuStep } from "../syntax/ast";
import type { Span } from "../types";
import { fromDefinition } from "./scope";
import { symbolAt } from "./symbol-at";
import { sampleValue, summaryTitle, type TestResultLookup } from "./test-call-summary";
import { savedValueLine, savePathHover, type SampleViewOptions } from "./sample-view";

export interface Hover {
  span: Span;
  /** Markdown */
  markdown: string;
}

export interface HoverOptions extends SampleViewOptions {
  lastTestResult?: TestResultLookup;
}

export function hover(doc: FlowDocument, offset: number, options: HoverOptions = {}): Hover | undefined {
  const target = symbolAt(doc, offset);
  if (!target) return savePathHover(doc, offset, options);
  switch (target.kind) {
    case "variable": return { span: target.span, markdown: variableHover(doc, target.name, options) };
    case "step": {
      const step = doc.symbols.steps.get(target.name)?.[0];
      return { span: target.span, markdown: step ? (step.kind === "call" ? callHover(step, options) : menuHover(step)) : `No call or menu step is named \`${target.name}\`` };
    }
    case "connection": {
      const connection = doc.symbols.connections.get(target.name)?.[0];
      return { span: target.span, markdown: connection ? connectionHover(connection) : `No connection named \`${target.name}\` is declared` };
    }
    case "method": return { span: target.span, markdown: METHOD_DOCS[target.request.method.value] };
  }
}

function variableHover(doc: FlowDocument, name: string, options: HoverOptions): string {
  const system = systemVariable(name);
  if (system) return `**${name}** · system variable (${system.type})\n\n${system.description}. Read-only.`;
  const defs = doc.symbols.variables.get(name);
  if (!defs?.length) return name.includes(".") ? `**${name}** · not a system variable` : `**${name}** · not defined: set it with \`ask\` or \`save\` first`;
  const parts: string[] = [];
  for (const def of defs.slice(0, 4)) {
    const v = fromDefinition(def);
    if (v.origin.kind === "ask") {
      const prompt = v.origin.definition.step.prompt?.value;
      parts.push(`**${name}** · asked (${v.type})${prompt ? `\n\nAnswer to "${prompt}"` : ""}`);
    } else if (v.origin.kind === "save") {
      const call = v.origin.definition.step;
      const path = v.origin.definition.save.path;
      const pathText = path ? doc.text.slice(path.span.start, path.span.end) : undefined;
      const stepName = call.name?.name;
      let text = `**${name}** · saved (${v.type})\n\nSaved by \`${stepName ?? "call"}\`${pathText ? ` from \`${pathText}\`` : ""}; unset on its failure branch, and when the response lacks the field.`;
      const sample = stepName ? sampleValue(options.lastTestResult?.(stepName), name, pathText) : undefined;
      if (sample !== undefined) text += `\n\nLast test call: \`${shorten(sample)}\``;
      const recorded = savedValueLine(call, v.origin.definition.save, options);
      if (recorded) text += `\n\n${recorded}`;
      parts.push(text);
    }
  }
  if (defs.length > 4) parts.push(`… and ${defs.length - 4} more definitions`);
  return parts.join("\n\n---\n\n");
}

function callHover(call: CallStep, options: HoverOptions): string {
  const name = call.name?.name ?? "call";
  const lines = [`**call ${name}**${call.displayName ? ` · ${call.displayName.value}` : ""}`];
  if (call.descriptions[0]) lines.push(call.descriptions[0].value);
  const request = call.requests[0];
  if (request) lines.push(`\`${request.method.value} ${request.url?.raw ?? ""}\``);
  const facts: string[] = [];
  const connection = call.connections[0]?.name?.name;
  if (connection) facts.push(`connection \`${connection}\``);
  const saves = call.saves.flatMap((s) => (s.variable ? [`\`${s.variable.name}\``] : []));
  if (saves.length) facts.push(`saves ${saves.join(", ")}`);
  if (facts.length) lines.push(facts.join(" · "));
  const result = call.name ? options.lastTestResult?.(call.name.name) : undefined;
  if (result) lines.push(`Last test call: ${summaryTitle(result)}`);
  return lines.join("\n\n");
}

function menuHover(menu: MenuStep): string {
  const labels = menu.options.flatMap((o) => (o.label ? [`"${o.label.value}"`] : []));
  return [`**menu ${menu.name?.name ?? ""}**${menu.question ? ` · ${menu.question.value}` : ""}`, labels.length ? `Options: ${labels.join(", ")}` : "No options yet"].join("\n\n");
}

function connectionHover(connection: Connection): string {
  const lines = [`**connection ${connection.name?.name ?? ""}**`];
  for (const auth of connection.auth) {
    const source = auth.source ? (auth.source.kind === "env" ? `environment variable \`${auth.source.name}\`` : `secret storage key "${auth.source.key}"`) : "no source yet";
    if (auth.kind === "bearer") lines.push(`Bearer token from ${source}`);
    else if (auth.kind === "basic") lines.push(`Basic authentication as "${auth.user?.value ?? ""}", password from ${source}`);
    else lines.push(`API key in header "${auth.header?.value ?? ""}", from ${source}`);
  }
  if (connection.domains.length) lines.push(`Only sent to: ${connection.domains.map((d) => `\`${d.value}\``).join(", ")}`);
  return lines.join("\n\n");
}

const METHOD_DOCS: Record<HttpMethod, string> = {
  GET: "**GET** · reads data. Carries no body: use POST or PUT to send one.",
  POST: "**POST** · sends data (the `body`, as JSON) to create or act.",
  PUT: "**PUT** · replaces data with the `body`.",
  PATCH: "**PATCH** · changes part of the data with the `body`.",
  DELETE: "**DELETE** · deletes data. Many servers ignore a DELETE body.",
};

function shorten(value: string): string {
  const flat = value.replace(/\s+/g, " ");
  return flat.length > 120 ? `${flat.slice(0, 120)}…` : flat;
}
