// The paths a JSON value has, written as `save` paths, and the lookup of one
// save path in it. Array items are judged by the union of their shapes: any
// index stands for "some item", so `items[3].sku` exists when any item has a
// `sku` (a real response may be longer than the sample), and the path set
// writes every item path with `[0]`. Both walks are loops over a frontier,
// never recursion, so a hand-edited sample of any depth cannot overflow the stack.

import { typeOf, type JsonType } from "../response/fields";
import { formatPath, type FieldSegment } from "../response/response-path";

export interface SamplePath {
  /** as written in a `save` line; items as `[0]` */
  path: string;
  segments: FieldSegment[];
  /** the first value found there, in document order */
  value: unknown;
  /** every JSON type found there across items, in order of appearance */
  types: JsonType[];
}

/** Paths deeper than this are not listed (the capping rule keeps no deeper containers either). */
export const MAX_PATH_DEPTH = 32;
export const MAX_PATHS = 5000;

/** Every path of `value`, `$` first, in document order; `limited` when MAX_PATHS or MAX_PATH_DEPTH cut the list. */
export function samplePaths(value: unknown): { paths: SamplePath[]; limited: boolean } {
  const byPath = new Map<string, SamplePath>();
  let limited = false;
  // Depth-first, children pushed in reverse so they come out in document order.
  const stack: { segments: FieldSegment[]; value: unknown }[] = [{ segments: [], value }];
  while (stack.length) {
    const { segments, value: v } = stack.pop()!;
    const path = formatPath(segments);
    const known = byPath.get(path);
    const type = typeOf(v);
    if (known) {
      if (!known.types.includes(type)) known.types.push(type);
    } else {
      if (byPath.size >= MAX_PATHS) {
        limited = true;
        continue;
      }
      byPath.set(path, { path, segments, value: v, types: [type] });
    }
    if (v === null || typeof v !== "object") continue;
    if (segments.length >= MAX_PATH_DEPTH) {
      limited = true;
      continue;
    }
    const children: { segments: FieldSegment[]; value: unknown }[] = [];
    if (Array.isArray(v)) {
      const item: FieldSegment[] = [...segments, { kind: "index", index: 0 }];
      for (const element of v) children.push({ segments: item, value: element });
    } else {
      for (const [key, child] of Object.entries(v)) children.push({ segments: [...segments, { kind: "key", key }], value: child });
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return { paths: [...byPath.values()], limited };
}

export type PathLookup =
  | { found: true; value: unknown; types: JsonType[] }
  | { found: false };

/** The values at a save path, any index standing for every item (an empty segment list is `$`). */
export function lookupPath(value: unknown, segments: readonly FieldSegment[]): PathLookup {
  let frontier: unknown[] = [value];
  for (const segment of segments) {
    const next: unknown[] = [];
    for (const v of frontier) {
      if (segment.kind === "index") {
        if (Array.isArray(v)) for (const item of v) next.push(item);
      } else if (v !== null && typeof v === "object" && !Array.isArray(v) && Object.hasOwn(v, segment.key)) {
        next.push((v as Record<string, unknown>)[segment.key]);
      }
    }
    if (next.length === 0) return { found: false };
    frontier = next;
  }
  const types: JsonType[] = [];
  for (const v of frontier) {
    const t = typeOf(v);
    if (!types.includes(t)) types.push(t);
  }
  return { found: true, value: frontier[0], types };
}

/** A path with every index written `[0]`: the form the path set and cap notes use. */
export function normalizedPath(segments: readonly FieldSegment[]): string {
  return formatPath(segments.map((s): FieldSegment => (s.kind === "index" ? { kind: "index", index: 0 } : { kind: "key", key: s.key })));
}
