// Quick fixes: the fixes the rules attached to their diagnostics, for the
// diagnostics that touch the requested range. The rules decide what a fix
// does; this only picks the ones that apply where the author is looking.

import type { Diagnostic, Fix, Span } from "../types";
import { intersects } from "./spans";

export interface QuickFix {
  diagnostic: Diagnostic;
  fix: Fix;
}

export function quickFixes(diagnostics: readonly Diagnostic[], range: Span): QuickFix[] {
  const out: QuickFix[] = [];
  for (const diagnostic of diagnostics) {
    if (!diagnostic.fixes?.length || !intersects(diagnostic.span, range)) continue;
    for (const fix of diagnostic.fixes) out.push({ diagnostic, fix });
  }
  return out;
}
