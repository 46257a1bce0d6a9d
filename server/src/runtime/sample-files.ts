// Reading a flow's recorded samples from disk for the core: every
// `.botflow/samples/<flow>/<STEP>.json` next to the flow, parsed by the core's
// parseSample. A missing folder means no samples; a file that cannot be read
// or parsed becomes the reason the analysis shows (`sample-invalid`), never
// an exception. Writing (`--record`) goes through a temporary file and a
// rename, so a reader never sees half a sample.

import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseSample, type SampleLoad } from "../core/samples/sample";
import { relativeSamplePath, sampleFilePath, sampleFolderPath } from "../core/samples/sample-file";
import type { StepSamples } from "../core/samples/step-sample";

let writes = 0;

const STEP_FILE = /^([A-Za-z0-9_][A-Za-z0-9_-]*)\.json$/;

/** Step name → its sample file, for every sample of the flow at `flowFile` (an absolute path). */
export async function loadFlowSamples(flowFile: string): Promise<StepSamples> {
  const folder = sampleFolderPath(flowFile);
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return new Map();
  }
  const samples = new Map<string, SampleLoad>();
  for (const name of names.sort()) {
    const step = STEP_FILE.exec(name)?.[1];
    if (step) samples.set(step, await readSample(flowFile, step));
  }
  return samples;
}

async function readSample(flowFile: string, step: string): Promise<SampleLoad> {
  const file = relativeSamplePath(basename(flowFile), step);
  try {
    return { ...parseSample(await readFile(join(dirname(flowFile), file), "utf8")), file };
  } catch (error) {
    return { ok: false, message: `it cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, file };
  }
}

/**
 * Writes a recorded sample's text (from the core's recordSample, already
 * masked) as the step's sample file; returns the path relative to the flow's
 * folder. Whether it may be written at all is the core's mayRecord.
 */
export async function writeSampleFile(flowFile: string, step: string, text: string): Promise<{ ok: true; value: string } | { ok: false; message: string }> {
  const target = sampleFilePath(flowFile, step);
  const shown = relativeSamplePath(basename(flowFile), step);
  if (!target) return { ok: false, message: `${step} is not a step name a sample file can be named after` };
  // pid and a counter: two recordings of one step (two processes, or two runs in one server) never share a temporary file
  const temporary = `${target}.${process.pid}.${++writes}.tmp`;
  try {
    await mkdir(dirname(target), { recursive: true });
    await writeFile(temporary, text, "utf8");
    await rename(temporary, target);
    return { ok: true, value: shown };
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    return { ok: false, message: `cannot write ${shown}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
  }
}

/** The language server's sample files (lsp/samples.ts's port): the same reader and writer, by document URI; a URI that is no file has no samples. */
export const nodeSampleFiles = {
  load: async (flowUri: string): Promise<StepSamples> => {
    const path = filePathOf(flowUri);
    return path ? loadFlowSamples(path) : new Map();
  },
  write: async (flowUri: string, step: string, text: string): Promise<{ ok: true; value: string } | { ok: false; message: string }> => {
    const path = filePathOf(flowUri);
    return path ? writeSampleFile(path, step, text) : { ok: false, message: "only files on disk can keep samples" };
  },
};

function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith("file:")) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
