// How soon V8 hands a hot function to TurboFan, its optimizing compiler. A
// one-shot command (check, test, run, graph) reads each file once: on a
// 10,000-line flow V8's default optimized 39 functions while the check ran,
// compiling them on worker threads that took the second of two cores from
// the main thread, and some of that code was thrown away again at the first
// branch it had not seen. Four times V8's threshold lets the baseline
// compiler (Sparkplug) do the work: that check took 345 → 287 ms on Node 20
// and 250 → 189 ms on Node 22 (docs/design.md); two small flows the same.
// A long-running process (`botflow lsp`) goes back to the default: there the
// optimized code pays many times over.
//
// The flag is part of the flag hash V8 checks a code cache against, so the
// CLI's loader sets it before it compiles a bundle, in the build's process
// that writes the caches as in every run (code-cache.ts).

import { setFlagsFromString } from "node:v8";

interface TierUpFlag {
  name: string;
  /** V8's default */
  usual: number;
}

/** The TurboFan threshold of this V8 line; undefined for one not measured here (then nothing is set). */
function tierUpFlag(): TierUpFlag | undefined {
  const [major, minor] = process.versions.v8.split(".").map(Number);
  // Node 20: V8 11.3 counts bytecode run (its interrupt budget)
  if (major === 11) return { name: "--interrupt-budget", usual: 67_584 };
  // Node 22: V8 12.4 counts calls
  if (major === 12 && minor >= 4) return { name: "--invocation-count-for-turbofan", usual: 3_000 };
  return undefined;
}

/** One the user gave (NODE_OPTIONS or node's own arguments) wins. */
function userSet(name: string): boolean {
  return process.execArgv.some((a) => a.startsWith(name)) || (process.env.NODE_OPTIONS ?? "").includes(name);
}

function setThreshold(factor: number): void {
  const flag = tierUpFlag();
  if (flag && !userSet(flag.name)) setFlagsFromString(`${flag.name}=${flag.usual * factor}`);
}

let later = false;

/** For a one-shot command: TurboFan only for what runs four times as hot as V8 waits for. */
export function tierUpLater(): void {
  // Setting a flag makes V8 hash them all again: once is enough.
  if (later) return;
  later = true;
  setThreshold(4);
}

/**
 * For a long-running process: V8's own threshold again. Not tied to tierUpLater's state: the
 * bundles each hold their own copy of this module.
 */
export function tierUpAsUsual(): void {
  setThreshold(1);
}
