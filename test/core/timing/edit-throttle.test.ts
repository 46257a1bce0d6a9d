// The edit throttle on a fake clock and fake timers: time moves only when the
// test says so, so a loaded machine cannot turn one case into another.

import assert from "node:assert/strict";
import type { Timers } from "../../../server/src/core/ports";
import { EditThrottle } from "../../../server/src/core/timing/edit-throttle";

const QUIET = 200;

/** Timers that fire only from `advance`, in due order, with the clock set to each one's due time. */
class FakeTime implements Timers {
  now = 1000;
  private pending = new Map<number, { at: number; callback: () => void }>();
  private nextId = 1;

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.pending.set(id, { at: this.now + Math.max(0, ms), callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      let first: [number, { at: number; callback: () => void }] | undefined;
      for (const entry of this.pending) if (entry[1].at <= end && (!first || entry[1].at < first[1].at)) first = entry;
      if (!first) break;
      this.pending.delete(first[0]);
      this.now = first[1].at;
      first[1].callback();
    }
    this.now = end;
  }

  get waiting(): number {
    return this.pending.size;
  }
}

function throttle() {
  const time = new FakeTime();
  const started = time.now;
  const runs: number[] = [];
  const t = new EditThrottle(() => runs.push(time.now - started), () => QUIET, time, () => time.now);
  return { t, runs, time };
}

describe("timing: edit throttle", () => {
  it("runs a lone edit at once, not after the quiet time", () => {
    const { t, runs, time } = throttle();
    t.poke();
    time.advance(0);
    assert.deepEqual(runs, [0]);
  });

  it("runs an edit that follows a quiet time at once too", () => {
    const { t, runs, time } = throttle();
    t.poke();
    time.advance(QUIET + 50);
    t.poke();
    time.advance(0);
    assert.deepEqual(runs, [0, QUIET + 50]);
  });

  it("joins a burst into one run per quiet time, and runs once after its last edit", () => {
    const { t, runs, time } = throttle();
    t.poke();
    time.advance(10);
    for (let i = 0; i < 5; i++) {
      t.poke();
      time.advance(5);
    }
    assert.deepEqual(runs, [0], "the edits after the first waited");
    assert.equal(time.waiting, 1, "the burst's later edits share one timer");
    time.advance(QUIET + 100);
    assert.deepEqual(runs, [0, QUIET], "the burst's later edits joined one run, a quiet time after the first");
  });

  it("works a long burst at most once per quiet time", () => {
    const { t, runs, time } = throttle();
    for (let i = 0; i < 100; i++) {
      t.poke();
      time.advance(10);
    }
    time.advance(QUIET);
    assert.deepEqual(runs, [0, 200, 400, 600, 800, 1000]);
  });

  it("runs at once when asked to (a document opened), even while a run waits; cancel drops a waiting run", () => {
    const { t, runs, time } = throttle();
    t.poke();
    time.advance(10);
    t.poke();
    t.poke(true);
    time.advance(0);
    assert.deepEqual(runs, [0, 10]);
    t.poke();
    t.cancel();
    time.advance(QUIET + 100);
    assert.deepEqual(runs, [0, 10]);
    assert.equal(time.waiting, 0);
  });
});
