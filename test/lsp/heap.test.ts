// lsp/heap.ts: a dropped document tree is collected right after the work
// that dropped it, by a full (major) collection, however Node was started
// (this mocha process has no --expose-gc either).

import assert from "node:assert/strict";
import { constants, PerformanceObserver, type PerformanceEntry } from "node:perf_hooks";
import { collectSoon } from "../../server/src/lsp/heap";

function majorCollections(): { entries: PerformanceEntry[]; stop(): void } {
  const entries: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if ((entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) entries.push(entry);
  });
  observer.observe({ entryTypes: ["gc"] });
  return { entries, stop: () => observer.disconnect() };
}

const turns = (n: number) => new Promise<void>((done) => {
  const next = (left: number) => (left ? setImmediate(() => next(left - 1)) : done());
  next(n);
});

describe("lsp: collecting dropped trees", () => {
  it("runs a major collection once the current work is done", async () => {
    const seen = majorCollections();
    collectSoon();
    collectSoon();
    collectSoon();
    assert.equal(seen.entries.length, 0, "not while the current work runs");
    // The collection runs on a timer; its entry reaches the observer a turn or two later.
    await new Promise((done) => setTimeout(done, 10));
    await turns(5);
    seen.stop();
    // At least ours (V8 may add one of its own meanwhile).
    assert.ok(seen.entries.length >= 1, "no major collection");
  });
});
