// The CallPerformer of `botflow run --samples`: every call is answered from
// its recorded sample (or, once the parser has it, the step's inline
// `example`), with no network, so a whole conversation runs on a laptop or in
// CI without credentials. A step with neither takes the failure branch and
// says how to record one, as any call that gets no answer does.

import type { CallStep } from "../syntax/ast";
import { isSuccessStatus } from "../samples/sample";
import { exampleSourceOf, type StepSamples } from "../samples/step-sample";
import type { CallOutcome, CallPerformer } from "./ports";

export function samplesCallPerformer(samples: StepSamples): CallPerformer {
  return (step: CallStep) => Promise.resolve(sampleOutcome(step, samples));
}

export function sampleOutcome(step: CallStep, samples: StepSamples): CallOutcome {
  const name = step.name?.name;
  const load = name === undefined ? undefined : samples.get(name);
  if (load?.ok) {
    const { sample } = load;
    return {
      branch: isSuccessStatus(sample.status) ? "success" : "failure",
      status: sample.status,
      ...(sample.json ? { json: sample.json } : {}),
      ...(!sample.json && sample.reason ? { reason: sample.reason } : {}),
      timeMs: 0,
      source: "sample",
    };
  }
  const example = exampleSourceOf(step);
  if (example) return { branch: "success", status: 200, json: { value: example.value }, timeMs: 0, source: "sample" };
  const why = load ? `its sample cannot be used (${load.message})` : "no sample recorded";
  return { branch: "failure", reason: `${why}: record one with botflow test FILE ${name ?? "STEP"} --record`, timeMs: 0, source: "sample" };
}
