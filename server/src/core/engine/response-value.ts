// `save VAR = PATH` at run time: the value at PATH of the JSON response, as
// the text a variable holds. A missing path and a JSON null leave the
// variable unset (so a message skips it); objects and arrays are stored as
// JSON text, so they can still be passed on in a body.

import { valueAt } from "../response/fields";
import type { PathSegment } from "../syntax/ast";

/** undefined when the path leads nowhere. An empty segment list is `$`, the whole body. The same walk as the field list's. */
export const valueAtPath: (json: unknown, segments: readonly PathSegment[]) => unknown = valueAt;

/** The text a variable holds for a JSON value; undefined means "unset". */
export function storedText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}
