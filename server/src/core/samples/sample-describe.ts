// What the editor shows of a step's sample, as data and short text: the
// value and type at a save path (hover), the paths to offer after
// `save NAME = ` (completion), and the lens's "200 OK · recorded 2 days ago".
// The LSP handlers format these; nothing here knows about the editor.

import type { CallStep } from "../syntax/ast";
import type { FieldSegment } from "../response/response-path";
import { sample as displayValue, type JsonType } from "../response/fields";
import { checkPath, pathSourceOf, sourcePaths, type StepSamples } from "./step-sample";
import type { ResponseSample } from "./sample";

export interface PathInfo {
  /** a short display form: JSON for scalars, `{3 keys}` / `[2 items]` for containers */
  value: string;
  types: JsonType[];
  origin: "recorded sample" | "example";
  /** ISO time, for a recorded sample */
  recorded?: string;
}

/** The sample's value at a save path, for hover; undefined when there is no sample or it lacks the path. */
export function pathInfo(step: CallStep, samples: StepSamples, segments: readonly FieldSegment[]): PathInfo | undefined {
  const source = pathSourceOf(step, samples);
  if (!source) return undefined;
  const found = checkPath(source, segments);
  if (found.kind !== "found") return undefined;
  return { value: displayValue(found.value), types: found.types, origin: source.origin, ...(source.sample ? { recorded: source.sample.recorded } : {}) };
}

export interface PathOffer {
  /** as a save line writes it, items as `[0]` */
  path: string;
  types: JsonType[];
  value: string;
}

/** Every path of the step's sample, in document order, for completion after `save NAME = ` (`$` left out: it is rarely meant). */
export function pathOffers(step: CallStep, samples: StepSamples): PathOffer[] {
  const source = pathSourceOf(step, samples);
  if (!source) return [];
  return sourcePaths(source).filter((p) => p.segments.length > 0).map((p) => ({ path: p.path, types: p.types, value: displayValue(p.value) }));
}

/** `200 OK · recorded 2 days ago`, for the lens above a call step. */
export function sampleSummary(sample: ResponseSample, now: Date): string {
  return `${sample.status}${sample.statusText ? ` ${sample.statusText}` : ""} · ${recordedAgo(sample.recorded, now)}`;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** `recorded just now`, `recorded 5 minutes ago`, `recorded yesterday`, `recorded 2 days ago`, then `recorded on 2026-10-01`. */
export function recordedAgo(recorded: string, now: Date): string {
  const at = Date.parse(recorded);
  if (Number.isNaN(at)) return "recorded at an unknown time";
  const age = now.getTime() - at;
  const plural = (n: number, unit: string) => `recorded ${n} ${unit}${n === 1 ? "" : "s"} ago`;
  if (age < MINUTE) return "recorded just now"; // a clock a little behind the recorder's, too
  if (age < HOUR) return plural(Math.floor(age / MINUTE), "minute");
  if (age < DAY) return plural(Math.floor(age / HOUR), "hour");
  if (age < 2 * DAY) return "recorded yesterday";
  if (age < 31 * DAY) return plural(Math.floor(age / DAY), "day");
  return `recorded on ${new Date(at).toISOString().slice(0, 10)}`;
}
