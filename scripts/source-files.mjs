// The TypeScript sources the figure scripts read: every .ts file below the
// shells' and the core's folders.

import { readdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

export const ROOT = resolve(dirname(new URL(import.meta.url).pathname), "..");
export const SOURCE_DIRS = ["server/src", "client/src"];

export function tsFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...tsFiles(full));
    else if (full.endsWith(".ts")) out.push(full);
  }
  return out;
}
