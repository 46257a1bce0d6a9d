// The edit throttle on real timers with a 200 ms quiet time: margins are
// wide (a lone edit must run well before the quiet time, a burst's edits
// well after it), so a loaded machine cannot turn one case into another.

import assert from "node:assert/strict";
import { EditThrottle } from "../../../server/src/core/timing/edit-throttle";
import { nodeTimers } from "../../../server/src/runtime/node-timers";

const QUIET = 200;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function throttle() {
  const runs: number[] = [];
  const started = performance.now();
  const t = new EditThrottle(() => runs.push(performance.now() - started), () => QUIET, nodeTimers);
  return { t, runs };
}

describe("timing: edit throttle", () => {
  it("runs a lone edit at once, not after the quiet time", async () => {
    const { t, runs } = throttle();
    t.poke();
    await sleep(QUIET / 2);
    assert.equal(runs.length, 1);
    assert.ok(runs[0] < QUIET / 2, `ran after ${runs[0]} ms`);
  });

  it("joins a burst into one run per quiet time, and runs once after its last edit", async () => {
    const { t, runs } = throttle();
    t.poke();
    await sleep(10);
    for (let i = 0; i < 5; i++) {
      t.poke();
      await sleep(5);
    }
    assert.equal(runs.length, 1, "the edits after the first waited");
    await sleep(QUIET + 100);
    assert.equal(runs.length, 2, "the burst's later edits joined one run");
    assert.ok(runs[1] >= QUIET - 5, `the second run came ${runs[1]} ms in, inside the quiet time`);
  });

  it("runs at once when asked to (a document opened), even while a run waits; cancel drops a waiting run", async () => {
    const { t, runs } = throttle();
    t.poke();
    await sleep(10);
    t.poke();
    t.poke(true);
    await sleep(QUIET / 4);
    assert.equal(runs.length, 2);
    t.poke();
    t.cancel();
    await sleep(QUIET + 100);
    assert.equal(runs.length, 2);
  });
});
