// The capping rule that keeps a recorded sample small and reviewable while
// keeping its shape (docs/samples.md repeats it for users):
// - an array keeps its first MAX_ITEMS items, plus up to MAX_EXTRA_SHAPES later
//   items that each bring a path the kept ones lack, so the union of item
//   shapes (what save paths are judged by) survives;
// - strings longer than MAX_STRING characters are cut, ending in `…`;
// - containers deeper than MAX_DEPTH, and any container met once MAX_VALUES
//   values are kept, are kept empty (`{}` / `[]`): same type, no content.
// Every cut container gets a CapNote, so a save path below it is "not known"
// rather than "missing". Recursion stops at MAX_DEPTH, whatever the input's depth.

import type { FieldSegment } from "../response/response-path";
import { normalizedPath, samplePaths } from "./sample-paths";
import type { CapNote } from "./sample";

export const MAX_ITEMS = 20;
export const MAX_EXTRA_SHAPES = 20;
export const MAX_STRING = 500;
export const MAX_DEPTH = 32;
export const MAX_VALUES = 5000;

export interface CapHooks {
  /** applied to every string value before it is cut (redaction goes here, so no cut leaves half a secret) */
  string?(value: string): string;
  /** applied to every object key */
  key?(key: string): string;
  /** applied to numbers and booleans; may turn one into a string */
  scalar?(value: number | boolean): unknown;
}

export function capJson(value: unknown, hooks: CapHooks = {}): { value: unknown; capped: CapNote[] } {
  const notes = new Map<string, CapNote>();
  let budget = MAX_VALUES;
  const note = (segments: readonly FieldSegment[], kept: number, of: number, allShapes: boolean) => {
    const path = normalizedPath(segments);
    const old = notes.get(path);
    notes.set(path, old
      ? { path, kept: Math.min(old.kept, kept), of: Math.max(old.of, of), allShapes: old.allShapes && allShapes }
      : { path, kept, of, allShapes });
  };

  const cap = (v: unknown, segments: FieldSegment[], depth: number): unknown => {
    budget--;
    if (typeof v === "string") return cutString(hooks.string ? hooks.string(v) : v);
    if (typeof v === "number" || typeof v === "boolean") return hooks.scalar ? hooks.scalar(v) : v;
    if (v === null || typeof v !== "object") return v;
    const full = depth >= MAX_DEPTH || budget <= 0;
    if (Array.isArray(v)) {
      if (full) {
        if (v.length) note(segments, 0, v.length, false);
        return [];
      }
      const { indexes, allShapes } = chooseItems(v);
      const item: FieldSegment[] = [...segments, { kind: "index", index: 0 }];
      const out: unknown[] = [];
      for (const i of indexes) {
        if (budget <= 0) break;
        out.push(cap(v[i], item, depth + 1));
      }
      if (out.length < v.length) note(segments, out.length, v.length, allShapes && out.length === indexes.length);
      return out;
    }
    const entries = Object.entries(v);
    if (full) {
      if (entries.length) note(segments, 0, entries.length, false);
      return {};
    }
    const out: Record<string, unknown> = {};
    let kept = 0;
    for (const [key, child] of entries) {
      if (budget <= 0) {
        note(segments, kept, entries.length, false);
        break;
      }
      out[hooks.key ? hooks.key(key) : key] = cap(child, [...segments, { kind: "key", key }], depth + 1);
      kept++;
    }
    return out;
  };

  const capped = cap(value, [], 0);
  return { value: capped, capped: [...notes.values()] };
}

/** The first MAX_ITEMS items, then later ones that add a shape; allShapes is false when a new shape had to be dropped. */
function chooseItems(items: readonly unknown[]): { indexes: number[]; allShapes: boolean } {
  const indexes: number[] = [];
  for (let i = 0; i < Math.min(items.length, MAX_ITEMS); i++) indexes.push(i);
  if (items.length <= MAX_ITEMS) return { indexes, allShapes: true };
  const seen = new Set<string>();
  let allShapes = true;
  const shapeOf = (item: unknown) => {
    const { paths, limited } = samplePaths(item);
    if (limited) allShapes = false;
    return paths.map((p) => p.path + ":" + p.types.join("|"));
  };
  for (const i of indexes) for (const p of shapeOf(items[i])) seen.add(p);
  let extra = 0;
  for (let i = MAX_ITEMS; i < items.length; i++) {
    const shape = shapeOf(items[i]);
    if (shape.every((p) => seen.has(p))) continue;
    if (extra === MAX_EXTRA_SHAPES) {
      allShapes = false;
      break;
    }
    indexes.push(i);
    extra++;
    for (const p of shape) seen.add(p);
  }
  return { indexes, allShapes };
}

function cutString(text: string): string {
  if (text.length <= MAX_STRING) return text;
  let end = MAX_STRING - 1;
  // never split a surrogate pair
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}
