// Variable names for response fields: valid (`^[a-z0-9_]+$`), readable (the
// field's own key, snake_cased), and unique (against every variable the file
// already defines and every name suggested before it). On a clash the parent
// keys are prefixed one by one (`customer_name`, `order_customer_name`), and
// only then a number is added.

import type { FieldSegment } from "./response-path";
import { KEYWORDS } from "../language";
import { toSnakeCase } from "../text/snake-case";

// Statement words: a variable named like one reads badly, and `body` even lexes as the start of a JSON body.
const RESERVED: ReadonlySet<string> = new Set(KEYWORDS);

/**
 * Names to try for a path, best first: the last key, then with more and more
 * parent keys. A path ending in an index names the element: `items[0]` → `items_0`.
 */
export function nameCandidates(segments: readonly FieldSegment[]): string[] {
  const words = segments.flatMap((s) => (s.kind === "key" ? [toSnakeCase(s.key)] : [])).filter((k) => k !== "");
  const last = segments.at(-1);
  if (last?.kind === "index") {
    if (words.length) words[words.length - 1] += `_${last.index}`;
    else words.push(`item_${last.index}`);
  }
  if (words.length === 0) return [segments.length === 0 ? "response" : "item"];
  const out: string[] = [];
  for (let n = 1; n <= words.length; n++) out.push(words.slice(words.length - n).join("_"));
  return out;
}

/** Picks a free name for each path in order, marking each as taken. */
export function uniqueName(segments: readonly FieldSegment[], taken: Set<string>): string {
  const free = (name: string) => !taken.has(name) && !RESERVED.has(name);
  const candidates = nameCandidates(segments);
  let name = candidates.find(free);
  if (!name) {
    const base = candidates[0];
    for (let i = 2; !name; i++) if (free(`${base}_${i}`)) name = `${base}_${i}`;
  }
  taken.add(name);
  return name;
}
