// How deep a parsed JSON value nests, asked without recursion: JSON.parse
// reads any depth, but JSON.stringify (the language server's transport, a
// recorded sample) and every walk of the value would overflow the stack
// somewhere between 1,000 and 5,000 levels.

/** Deeper than any API answer that is meant to be read; far inside what JSON.stringify manages. */
export const MAX_JSON_NESTING = 256;

/** Whether `value` holds containers nested more than `limit` levels deep (a bare array or object is one level). */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const pending: unknown[] = [value];
  const depths: number[] = [1];
  while (pending.length) {
    const item = pending.pop();
    const depth = depths.pop()!;
    if (item === null || typeof item !== "object") continue;
    if (depth > limit) return true;
    for (const child of Array.isArray(item) ? item : Object.values(item)) {
      if (child !== null && typeof child === "object") {
        pending.push(child);
        depths.push(depth + 1);
      }
    }
  }
  return false;
}
