// Step samples for tests, made the way a shell makes them: the file's text
// read through the real parser (parseSample), never a hand-built object.

import assert from "node:assert/strict";
import { parseSample, type SampleLoad } from "../../server/src/core/samples/sample";
import type { StepSamples } from "../../server/src/core/samples/step-sample";

export const RECORDED = "2026-11-30T09:15:00.000Z";

/** The text of a sample file with this body (status 200 unless given). */
export function sampleFile(body: unknown, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ status: 200, recorded: RECORDED, body, ...extra }, null, 2);
}

/** step name → body (or the raw file text, when a string is given with `raw`) → what the shell would pass to analyze. */
export function samplesOf(bodies: Record<string, unknown>, raw: Record<string, string> = {}): StepSamples {
  const map = new Map<string, SampleLoad>();
  for (const [step, body] of Object.entries(bodies)) {
    const parsed = parseSample(sampleFile(body));
    assert.ok(parsed.ok, `test sample of ${step} does not parse`);
    map.set(step, parsed);
  }
  for (const [step, text] of Object.entries(raw)) map.set(step, { ...parseSample(text), file: `.botflow/samples/flow/${step}.json` });
  return map;
}
