// When to recompute something after edits (the server's diagnostics, the
// client's diagram): at once for an edit that follows a quiet time, and for
// edits that come sooner, once `quietMs` after the last run, every edit that
// arrives meanwhile joining that one run. One keystroke gets no wait (a
// person's keystrokes come further apart than the 50 ms default); a burst (a
// paste, key repeat, a multi-cursor edit) is worked at most once per quietMs
// and once more after its last edit. A debounce would make every keystroke
// wait the whole quiet time.

import type { Timers } from "../ports";

export class EditThrottle {
  private timer: unknown;
  private dueAt = 0;
  private lastRun = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly run: () => void,
    private readonly quietMs: () => number,
    private readonly timers: Timers,
    // Injected so tests can drive time instead of racing a loaded machine.
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** Something changed: run soon. `now`: run without waiting for the quiet time (a document opened). */
  poke(now = false): void {
    const at = this.clock();
    const due = now ? at : Math.max(at, this.lastRun + this.quietMs());
    // A waiting run reads the state when it starts: this change is in it; only an earlier one is worth a new timer.
    if (this.timer !== undefined) {
      if (due >= this.dueAt) return;
      this.timers.clearTimeout(this.timer);
    }
    this.dueAt = due;
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      this.lastRun = this.clock();
      this.run();
    }, due - at);
  }

  /** Drops a waiting run. */
  cancel(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
