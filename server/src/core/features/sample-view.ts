// What the editor shows of a call step's recorded sample (or example): the
// value and type under a save path (hover), the sample's paths after
// `save NAME = ` (completion) and the lens's `200 OK · recorded 2 days ago`.
// The data comes from samples/sample-describe.ts; this only lays it out.

import type { FlowDocument } from "../analysis/document";
import { pathInfo, pathOffers, recordedAgo, sampleSummary, type PathInfo } from "../samples/sample-describe";
import { NO_SAMPLES, type StepSamples } from "../samples/step-sample";
import type { CallStep, SaveLine } from "../syntax/ast";
import type { Span } from "../types";
import { touches } from "./spans";

export interface SampleViewOptions {
  /** the call steps' recorded samples, as the shell read them */
  samples?: StepSamples;
  /** for "recorded 2 days ago"; default the current time */
  now?: Date;
}

/** Hover on a save's path: `**order.status** · string` and the sample's value; undefined off a path or without a sample that has it. */
export function savePathHover(doc: FlowDocument, offset: number, options: SampleViewOptions): { span: Span; markdown: string } | undefined {
  const found = saveAt(doc, offset);
  if (!found?.save.path) return undefined;
  const { step, save } = found;
  const path = save.path!;
  const info = pathInfo(step, options.samples ?? NO_SAMPLES, path.segments);
  if (!info) return undefined;
  const written = doc.text.slice(path.span.start, path.span.end);
  return { span: path.span, markdown: `**${written}** · ${info.types.join(" or ")}\n\n${sampleLine(info, options)}` };
}

/** `Recorded sample: \`"shipped"\` (string) · recorded 2 days ago`, for a saved variable's hover. */
export function savedValueLine(step: CallStep, save: SaveLine, options: SampleViewOptions): string | undefined {
  if (!save.path) return undefined;
  const info = pathInfo(step, options.samples ?? NO_SAMPLES, save.path.segments);
  return info && sampleLine(info, options);
}

export interface SampleFieldOffer {
  path: string;
  detail: string;
  documentation: string;
}

/** The step's sample paths for `save NAME = `, with their types and values. */
export function sampleFieldOffers(step: CallStep, options: SampleViewOptions): SampleFieldOffer[] {
  const samples = options.samples ?? NO_SAMPLES;
  const source = step.name ? samples.get(step.name.name) : undefined;
  const from = source?.ok ? `From the recorded sample, ${recordedAgo(source.sample.recorded, options.now ?? new Date())}` : "From the step's example";
  return pathOffers(step, samples).map((o) => ({ path: o.path, detail: `${o.types.join(" | ")} · ${o.value.length > 40 ? `${o.value.slice(0, 40)}…` : o.value}`, documentation: from }));
}

/** The lens's sample part: `200 OK · recorded 2 days ago`; undefined without a usable recorded sample. */
export function lensSampleTitle(step: string, options: SampleViewOptions): string | undefined {
  const load = options.samples?.get(step);
  return load?.ok ? sampleSummary(load.sample, options.now ?? new Date()) : undefined;
}

function sampleLine(info: PathInfo, options: SampleViewOptions): string {
  const value = `\`${info.value.length > 120 ? `${info.value.slice(0, 120)}…` : info.value}\``;
  if (info.origin === "example") return `Example: ${value} (${info.types.join(" or ")})`;
  return `Recorded sample: ${value} (${info.types.join(" or ")}) · ${info.recorded ? recordedAgo(info.recorded, options.now ?? new Date()) : "recorded"}`;
}

function saveAt(doc: FlowDocument, offset: number): { step: CallStep; save: SaveLine } | undefined {
  for (const step of doc.symbols.allSteps) {
    if (step.kind !== "call" || !touches(step.span, offset)) continue;
    const save = step.saves.find((s) => s.path && touches(s.path.span, offset));
    if (save) return { step, save };
  }
  return undefined;
}
