// What a call step's save paths are checked against: its recorded sample
// when there is a usable one, else its inline `example` (the spec: "a recorded
// sample, when there is one, is what paths are checked against; the example
// otherwise"). Samples come in from the shell (the core reads no files), as
// a map from step name to the parsed file or the reason it cannot be used.

import type { CallStep } from "../syntax/ast";
import type { FieldSegment } from "../response/response-path";
import type { JsonType } from "../response/fields";
import { lookupPath, normalizedPath, samplePaths, type SamplePath } from "./sample-paths";
import { isSuccessStatus, type CapNote, type ResponseSample, type SampleLoad } from "./sample";

/** Step name → its sample file as the shell read it; a step without a file has no entry. */
export type StepSamples = ReadonlyMap<string, SampleLoad>;

export const NO_SAMPLES: StepSamples = new Map();

export interface PathSource {
  origin: "recorded sample" | "example";
  /** the JSON the paths are judged by */
  value: unknown;
  capped: readonly CapNote[];
  /** set for a recorded sample */
  sample?: ResponseSample;
}

export type PathCheck =
  | { kind: "found"; value: unknown; types: JsonType[] }
  | { kind: "missing" }
  /** below a container the capping rule cut: the sample cannot tell */
  | { kind: "unknown" };

/**
 * The source a step's paths are judged by: a recorded sample with a JSON body
 * and a 2xx status (an error body says nothing of the success body's shape),
 * else the step's example; undefined when there is neither.
 */
export function pathSourceOf(step: CallStep, samples: StepSamples): PathSource | undefined {
  const name = step.name?.name;
  const load = name === undefined ? undefined : samples.get(name);
  if (load?.ok) {
    const { sample } = load;
    if (sample.json && isSuccessStatus(sample.status)) return { origin: "recorded sample", value: sample.json.value, capped: sample.capped, sample };
  }
  return exampleSourceOf(step);
}

/** The step's inline `example <JSON value>` (the first that has one), for steps without a usable recorded sample. */
export function exampleSourceOf(step: CallStep): PathSource | undefined {
  const json = step.examples.find((example) => example.json)?.json;
  return json ? exampleSource(json.text) : undefined;
}

/** An example's JSON text as a path source; undefined when it is not JSON (its own diagnostic says so, not this). */
export function exampleSource(jsonText: string): PathSource | undefined {
  try {
    return { origin: "example", value: JSON.parse(jsonText), capped: [] };
  } catch {
    return undefined;
  }
}

export function checkPath(source: PathSource, segments: readonly FieldSegment[]): PathCheck {
  const found = lookupPath(source.value, segments);
  if (found.found) return { kind: "found", value: found.value, types: found.types };
  return underCappedContainer(source.capped, segments) ? { kind: "unknown" } : { kind: "missing" };
}

/** The source's paths, for the nearest-path fix and (phase 2) completion. */
export function sourcePaths(source: PathSource): SamplePath[] {
  return samplePaths(source.value).paths;
}

function underCappedContainer(capped: readonly CapNote[], segments: readonly FieldSegment[]): boolean {
  const partial = capped.filter((n) => !n.allShapes);
  if (!partial.length) return false;
  for (let i = 0; i <= segments.length; i++) {
    const prefix = normalizedPath(segments.slice(0, i));
    if (partial.some((n) => n.path === prefix)) return true;
  }
  return false;
}
