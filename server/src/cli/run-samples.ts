// `botflow run --samples`: the flow's recorded samples, checked before the
// conversation starts. A sample file of one of the flow's call steps that
// cannot be used stops the run as a usage error naming the file (as a broken
// --mock file does); files of steps the flow no longer has are ignored.

import { forEachStep, type FlowFile, type SampleLoad, type StepSamples } from "../core/index";
import type { Loaded } from "./files";
import { loadFlowSamples } from "./sample-files";

export async function loadRunSamples(flowFile: string, ast: FlowFile): Promise<Loaded<StepSamples>> {
  const all = await loadFlowSamples(flowFile);
  const used = new Map<string, SampleLoad>();
  let problem: string | undefined;
  forEachStep(ast, (step) => {
    if (step.kind !== "call" || !step.name) return;
    const load = all.get(step.name.name);
    if (!load) return;
    if (!load.ok) problem ??= `--samples: ${load.file ?? step.name.name}: ${load.message}`;
    used.set(step.name.name, load);
  });
  return problem ? { ok: false, message: problem } : { ok: true, value: used };
}
