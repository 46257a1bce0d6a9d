// How soon V8 hands a hot function to TurboFan, its optimizing compiler, in a
// `botflow check` of a large input. The check reads each file once: on a
// 10,000-line flow V8's default optimized 39 functions while the check ran,
// compiling them on worker threads that took the second of two cores from
// the main thread, and some of that code was thrown away again at the first
// branch it had not seen. Four times V8's threshold leaves the work to the
// baseline compiler (Sparkplug): that check took 345 → 287 ms on Node 20 and
// 250 → 189 ms on Node 22 (docs/design.md).
//
// Only for a large input: a small check optimizes next to nothing, and
// loading node:v8 alone costs ≈ 8 ms of it. Set once the bundles are loaded,
// so their code caches (checked against V8's flag hash) are not affected.

/** Flow text from which a check is worth the flag: ≈ 2,000 lines. */
export const LARGE_INPUT_CHARS = 64 * 1024;

export interface TierUpFlag {
  name: string;
  /** V8's default */
  usual: number;
}

/** The TurboFan threshold of this V8 line; undefined for one not measured here (then nothing is set). */
export function tierUpFlag(): TierUpFlag | undefined {
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

let later = false;

/** TurboFan only for what runs four times as hot as V8 waits for, from now on in this process. */
export function tierUpLater(): void {
  if (later) return;
  later = true;
  const flag = tierUpFlag();
  if (!flag || userSet(flag.name)) return;
  // required here, not imported: the module is loaded only when used (a bundle's import() has no loader under vm.Script)
  const { setFlagsFromString } = require("node:v8") as typeof import("node:v8");
  setFlagsFromString(`${flag.name}=${flag.usual * 4}`);
}
