// The last test call of each step of each open document: one cache for the
// code lens title, hovers' sample values, response-field completion and the
// save lines chosen after a run. Filled by the server's own runs
// (botflow/runTestCall) and by clients that report a result
// (botflow/testCallResult); closing the document forgets it.

import type { LastTestCall, TestCallSummary } from "../core/index";
import type { TestResultLookup } from "../core/index";

export class TestResults {
  private readonly byUri = new Map<string, Map<string, LastTestCall>>();
  private readonly listeners: ((uri: string) => void)[] = [];

  set(uri: string, step: string, last: LastTestCall): void {
    let steps = this.byUri.get(uri);
    if (!steps) this.byUri.set(uri, (steps = new Map()));
    steps.set(step, last);
    for (const listener of this.listeners) listener(uri);
  }

  /** Called after every set (the diagram shows each call's last status). */
  onDidSet(listener: (uri: string) => void): void {
    this.listeners.push(listener);
  }

  /** A summary a client reported: it replaces what lenses show and keeps the fields of the server's own last run. */
  setSummary(uri: string, step: string, summary: TestCallSummary): void {
    const run = this.get(uri, step)?.run;
    this.set(uri, step, run ? { summary, run } : { summary });
  }

  get(uri: string, step: string): LastTestCall | undefined {
    return this.byUri.get(uri)?.get(step);
  }

  lookup(uri: string): TestResultLookup {
    return (step) => this.get(uri, step)?.summary;
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }
}
