// The existing path a mistyped save path most likely meant, for the quick fix
// of `save-path-missing`: same number of segments, indexes where the typed
// path has indexes, and each key within a small edit distance of the typed
// one (`order.shiping.city` → `order.shipping.city`). The typed indexes are
// kept, so `items[2].skus` becomes `items[2].sku`, not `items[0].sku`.

import { distance } from "fastest-levenshtein";
import { formatPath, type FieldSegment } from "../response/response-path";
import type { SamplePath } from "./sample-paths";

const MAX_KEY_LENGTH = 200;

/** How far a key may be from the one meant: one edit for short keys, about a third of the key's length for long ones. */
export function maxKeyDistance(key: string): number {
  return Math.max(1, Math.floor(key.length / 3));
}

/** The closest path of `paths` (in document order on a tie), written with the typed indexes; undefined when none is close or the typed path exists. */
export function nearestPath(typed: readonly FieldSegment[], paths: readonly SamplePath[]): { path: string; segments: FieldSegment[] } | undefined {
  let best: { cost: number; segments: FieldSegment[] } | undefined;
  for (const candidate of paths) {
    if (candidate.segments.length !== typed.length || typed.length === 0) continue;
    let cost = 0;
    const segments: FieldSegment[] = [];
    for (let i = 0; i < typed.length && cost !== Infinity; i++) {
      const want = typed[i];
      const have = candidate.segments[i];
      if (want.kind === "index" || have.kind === "index") {
        if (want.kind !== have.kind) cost = Infinity;
        else segments.push(want);
        continue;
      }
      // the length gap bounds the distance from below: skip hopeless pairs (and long keys) before computing it
      const close = Math.abs(want.key.length - have.key.length) <= maxKeyDistance(want.key) && want.key.length <= MAX_KEY_LENGTH;
      const d = want.key === have.key ? 0 : close ? distance(want.key, have.key) : Infinity;
      if (d > maxKeyDistance(want.key)) cost = Infinity;
      else {
        cost += d;
        segments.push(have);
      }
    }
    // the path exists as typed: there is nothing to correct
    if (cost === 0) return undefined;
    if (cost === Infinity) continue;
    if (!best || cost < best.cost) best = { cost, segments };
  }
  return best && { path: formatPath(best.segments), segments: best.segments };
}
