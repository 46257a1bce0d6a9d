// Go to definition, find references and document highlights: the name under
// the cursor and its occurrences. A system variable has no definition in the
// file; its references are its uses.

import type { FlowDocument } from "../analysis/document";
import type { Span } from "../types";
import { occurrences, type Occurrence } from "./occurrences";
import { symbolAt } from "./symbol-at";

export function definition(doc: FlowDocument, offset: number): Span[] {
  const target = symbolAt(doc, offset);
  if (!target || target.kind === "method") return [];
  return occurrences(doc, target.kind, target.name).filter((o) => o.role === "definition").map((o) => o.span);
}

export function references(doc: FlowDocument, offset: number, includeDeclaration: boolean): Span[] {
  return highlights(doc, offset).filter((o) => includeDeclaration || o.role !== "definition").map((o) => o.span);
}

export function highlights(doc: FlowDocument, offset: number): Occurrence[] {
  const target = symbolAt(doc, offset);
  if (!target || target.kind === "method") return [];
  return occurrences(doc, target.kind, target.name);
}
