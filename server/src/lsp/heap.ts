// Gives memory back as soon as a document's tree is dropped. Checking a file
// that is not kept parsed (documents.ts) leaves its whole tree — megabytes for
// a 10,000-line file — as garbage that has outlived the young generation, and
// V8 collects the old generation only when it has grown well past its last
// size (or after seconds of idle time): 50 files opened at once peaked at
// 145 MiB RSS with V8's own timing, 106 MiB with one full collection after
// each first check (bench/server-memory.ts), run after the result has been
// sent. documents.ts says when.
// Node exposes `gc` only under --expose-gc; the flag is set here, where the
// server runs, so it holds however the server is started (a context created
// after the flag is set has `gc`). Without it nothing is collected early.

import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

let collect: (() => void) | undefined | null = null;

function collector(): (() => void) | undefined {
  if (collect === null) {
    try {
      setFlagsFromString("--expose-gc");
      const gc: unknown = runInNewContext("gc");
      collect = typeof gc === "function" ? () => (gc as () => void)() : undefined;
    } catch {
      collect = undefined;
    }
  }
  return collect;
}

let pending = false;

/**
 * Collects garbage once the current work is done; calls before then collect once.
 * A timer, not setImmediate: the protocol library writes a message from a
 * setImmediate of its own, queued after this call, and the result that
 * dropped the tree must go out before the collection (a full collection
 * first delayed each keystroke's diagnostics by its own length).
 */
export function collectSoon(): void {
  if (pending) return;
  const run = collector();
  if (!run) return;
  pending = true;
  setTimeout(() => {
    pending = false;
    run();
  }, 0);
}
