// A JSON response flattened into the fields a person can pick to `save`:
// path, a short sample of the value, and its JSON type.
//
// Limits, so a big answer stays a list one can read:
// - objects: every key, nested objects and arrays included (the container
//   itself is a field too: saving it stores the JSON text);
// - arrays: the array itself, then only its first element (and what is
//   inside it): saves almost always want `items[0]…`, and later elements
//   repeat the same shape;
// - at most MAX_DEPTH levels and MAX_FIELDS fields; `limited` says when the
//   list was cut.
// `$` (the whole body) comes first only when the body is not an object or
// array: a container body is better saved by its fields.

import type { TestCallResult } from "../runner/test-call-result";
import { formatPath, type FieldSegment } from "./response-path";

export type JsonType = "string" | "number" | "boolean" | "null" | "object" | "array";

export interface ResponseField {
  /** as written in a `save` line */
  path: string;
  segments: FieldSegment[];
  /** a short sample for display */
  value: string;
  type: JsonType;
}

export interface FieldList {
  fields: ResponseField[];
  /** one line to show instead of (or above) the list, e.g. why it is empty */
  note?: string;
  /** true when MAX_FIELDS or MAX_DEPTH cut the list */
  limited: boolean;
}

export const MAX_FIELDS = 200;
export const MAX_DEPTH = 8;
const SAMPLE_LENGTH = 60;

export function flattenJson(value: unknown): { fields: ResponseField[]; limited: boolean } {
  const fields: ResponseField[] = [];
  let limited = false;
  const add = (segments: FieldSegment[], v: unknown): boolean => {
    if (fields.length >= MAX_FIELDS) {
      limited = true;
      return false;
    }
    fields.push({ path: formatPath(segments), segments, value: sample(v), type: typeOf(v) });
    return true;
  };
  const walk = (segments: FieldSegment[], v: unknown) => {
    if (segments.length >= MAX_DEPTH) {
      if (v !== null && typeof v === "object") limited = true;
      return;
    }
    if (Array.isArray(v)) {
      if (v.length === 0) return;
      const child: FieldSegment[] = [...segments, { kind: "index", index: 0 }];
      if (add(child, v[0])) walk(child, v[0]);
    } else if (v !== null && typeof v === "object") {
      for (const [key, item] of Object.entries(v)) {
        const child: FieldSegment[] = [...segments, { kind: "key", key }];
        if (!add(child, item)) return;
        walk(child, item);
      }
    }
  };
  if (value === null || typeof value !== "object") add([], value);
  walk([], value);
  return { fields, limited };
}

/** The fields of a test call's response, or a note saying why there are none. */
export function responseFields(result: TestCallResult): FieldList {
  const { outcome, response } = result;
  if (outcome.branch === "failure") {
    return { fields: [], limited: false, note: "The call took the failure branch: saved variables are not set there, so no fields are listed" };
  }
  if (!response?.json) return { fields: [], limited: false, note: outcome.reason ?? "The response has no JSON body" };
  const flat = flattenJson(response.json.value);
  const empty = flat.fields.length === 0 ? "The response is an empty object or array: saved variables would be skipped" : undefined;
  return { ...flat, note: empty ?? (flat.limited ? `Only the first ${flat.fields.length} fields are listed` : undefined) };
}

export function typeOf(value: unknown): JsonType {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  const t = typeof value;
  return t === "string" || t === "number" || t === "boolean" ? t : "object";
}

/** A short display form of a value: JSON for scalars, `{3 keys}` / `[2 items]` for containers. */
export function sample(value: unknown): string {
  let text: string;
  if (Array.isArray(value)) text = `[${value.length} ${value.length === 1 ? "item" : "items"}]`;
  else if (value !== null && typeof value === "object") {
    const n = Object.keys(value).length;
    text = `{${n} ${n === 1 ? "key" : "keys"}}`;
  } else text = JSON.stringify(value) ?? String(value);
  return text.length > SAMPLE_LENGTH ? `${text.slice(0, SAMPLE_LENGTH - 1)}…` : text;
}

/** The value at a response path, or undefined when the body has no such field (a save would be skipped). */
export function valueAt(body: unknown, segments: readonly FieldSegment[]): unknown {
  let current: unknown = body;
  for (const segment of segments) {
    if (segment.kind === "index") {
      if (!Array.isArray(current) || segment.index >= current.length) return undefined;
      current = current[segment.index];
    } else {
      if (current === null || typeof current !== "object" || Array.isArray(current) || !Object.hasOwn(current, segment.key)) return undefined;
      current = (current as Record<string, unknown>)[segment.key];
    }
  }
  return current;
}
