// The one line that says which branch a call took and why. It holds nothing
// that changes between runs (timing is shown by shells from the turn's
// details), so transcripts of the same flow and answers compare equal.

import type { CallOutcome } from "./ports";
import type { SaveReport } from "./apply-saves";

export function callSummary(name: string, outcome: CallOutcome, saves: SaveReport): string {
  const source = outcome.source === "network" ? "" : ` (${outcome.source})`;
  let what: string;
  if (outcome.status !== undefined) what = `HTTP ${outcome.status}${outcome.reason ? ` (${outcome.reason})` : ""}`;
  else what = outcome.reason ?? "no response";
  let text = `Call ${name}${source}: ${what} → ${outcome.branch} branch.`;
  if (outcome.branch === "success") {
    if (!outcome.json && saves.unset.length) {
      text += ` Unset (${outcome.status !== undefined && !outcome.reason ? "empty response body" : "no JSON in the response"}): ${saves.unset.join(", ")}.`;
    } else {
      const parts: string[] = [];
      if (saves.saved.length) parts.push(`Saved ${saves.saved.join(", ")}`);
      if (saves.unset.length) parts.push(`unset (not in the response): ${saves.unset.join(", ")}`);
      if (parts.length) text += ` ${capitalize(parts.join("; "))}.`;
    }
  }
  return text;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
