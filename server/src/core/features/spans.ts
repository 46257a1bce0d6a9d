// Span helpers shared by the features. A cursor touching either end of a span
// counts as inside it: `goto abc|` is on the name `abc`.

import type { Span } from "../types";

export function touches(span: Span | undefined, offset: number): span is Span {
  return !!span && span.start <= offset && offset <= span.end;
}

export function intersects(a: Span, b: Span): boolean {
  return a.start <= b.end && b.start <= a.end;
}
