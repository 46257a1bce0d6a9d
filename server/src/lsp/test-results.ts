// The last test call result of each step of each open document, as the
// client reported it (botflow/testCallResult). Code lenses, hovers and
// response-field completion read it; closing the document forgets it.

import type { TestCallSummary, TestResultLookup } from "../core/features/test-call-summary";

export class TestResults {
  private readonly byUri = new Map<string, Map<string, TestCallSummary>>();
  private readonly listeners: ((uri: string) => void)[] = [];

  set(uri: string, step: string, result: TestCallSummary): void {
    let steps = this.byUri.get(uri);
    if (!steps) this.byUri.set(uri, (steps = new Map()));
    steps.set(step, result);
    for (const listener of this.listeners) listener(uri);
  }

  /** Called after every set (the diagram shows each call's last status). */
  onDidSet(listener: (uri: string) => void): void {
    this.listeners.push(listener);
  }

  get(uri: string, step: string): TestCallSummary | undefined {
    return this.byUri.get(uri)?.get(step);
  }

  lookup(uri: string): TestResultLookup {
    return (step) => this.get(uri, step);
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }
}
