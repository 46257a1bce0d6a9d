// The recorded samples of the open documents, for the rules
// (save-path-missing, sample-invalid), hovers, completion and lenses. Read
// through a port (runtime/sample-files.ts on Node) when a document opens,
// when a watched sample file changes (workspace/didChangeWatchedFiles) and
// after the server records one; each reload tells the server, which drops
// the document's cached diagnostics and checks it again.

import { NO_SAMPLES, type Recorder, type StepSamples } from "../core/index";
import type { SampleRecording } from "../protocol";

/** Reading and writing a flow's sample files, by the flow's URI. */
export interface SampleFiles {
  /** every sample of the flow; an empty map when it has none (or is no file) */
  load(flowUri: string): Promise<StepSamples>;
  /** writes one sample atomically; the path written, relative to the flow's folder */
  write(flowUri: string, step: string, text: string): Promise<{ ok: true; value: string } | { ok: false; message: string }>;
}

/** The glob the server asks the client to watch. */
export const SAMPLE_GLOB = "**/.botflow/samples/**/*.json";

const SAMPLE_URI = /^(.*\/)\.botflow\/samples\/([^/]+)\/[^/]+\.json$/;

export class SampleStore {
  private readonly byUri = new Map<string, StepSamples>();
  /** one read at a time per document, so an older read never lands after a newer one */
  private readonly reads = new Map<string, Promise<void>>();

  constructor(
    private readonly files: SampleFiles,
    private readonly changed: (uri: string) => void,
  ) {}

  of(uri: string): StepSamples {
    return this.byUri.get(uri) ?? NO_SAMPLES;
  }

  /** Reads the document's samples again; `changed` is told when they differ from what was known. */
  reload(uri: string): Promise<void> {
    const next = (this.reads.get(uri) ?? Promise.resolve()).then(async () => {
      const samples = await this.files.load(uri).catch((): StepSamples => new Map());
      const before = this.byUri.get(uri);
      if (!before && !samples.size) return;
      this.byUri.set(uri, samples);
      if (!sameSamples(before, samples)) this.changed(uri);
    });
    this.reads.set(uri, next);
    return next;
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
    this.reads.delete(uri);
  }

  /** Records a sent call's sample (the core decides what, or why not), against the file as it is on disk now, then re-reads. */
  async record(uri: string, step: string, record: Recorder): Promise<SampleRecording> {
    // fresh from disk, not the cache: a broken file written a moment ago must not be overwritten
    const existing = (await this.files.load(uri).catch((): StepSamples => new Map())).get(step);
    const decision = record(existing, new Date());
    if (!decision.ok) return { notRecorded: decision.reason };
    const written = await this.files.write(uri, step, decision.text);
    if (!written.ok) return { notRecorded: written.message };
    await this.reload(uri);
    return { recorded: written.value };
  }
}

/** The flow document a sample file belongs to: `…/.botflow/samples/order/x.json` → `…/order.flow`. */
export function flowUriOf(sampleUri: string): string | undefined {
  const match = SAMPLE_URI.exec(sampleUri);
  return match ? `${match[1]}${match[2]}.flow` : undefined;
}

function sameSamples(a: StepSamples | undefined, b: StepSamples): boolean {
  if (!a || a.size !== b.size) return false;
  for (const [step, load] of b) if (JSON.stringify(a.get(step)) !== JSON.stringify(load)) return false;
  return true;
}
