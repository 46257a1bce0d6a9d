// `--record`: the core decides what a sent call's sample file holds (mask,
// cap, may it replace the one there); this writes it, atomically, next to
// the flow. Shared by `botflow test FILE STEP --record` and `--all --record`.

import type { Recorder, SampleLoad } from "../core/index";
import { dirname, join } from "node:path";
import { writeSampleFile } from "./sample-files";

/** `file`: the sample file written (absolute) */
export type Recorded = { ok: true; file: string } | { ok: false; reason: string };

export async function recordStep(flowFile: string, step: string, existing: SampleLoad | undefined, record: Recorder, now = new Date()): Promise<Recorded> {
  const decision = record(existing, now);
  if (!decision.ok) return { ok: false, reason: decision.reason };
  const written = await writeSampleFile(flowFile, step, decision.text);
  return written.ok ? { ok: true, file: join(dirname(flowFile), written.value) } : { ok: false, reason: written.message };
}
