// What the editor remembers of the last "Run test call" of a step: enough for
// a code lens title, a hover's sample values and response-path completion.
// The runner produces the full result; the client sends this summary to the
// server (see protocol.ts), already redacted.

export interface TestCallField {
  /** a response path as a save line writes it: `order.items[0].sku`, `$` */
  path: string;
  /** the sample value as JSON text, shortened by the sender if long */
  value: string;
  /** JSON type: string, number, boolean, null, object, array */
  type: string;
}

export interface TestCallSummary {
  /** HTTP status; absent when no response came (timeout, network or TLS error) */
  status?: number;
  statusText?: string;
  durationMs: number;
  /** one line saying why no response came */
  error?: string;
  /** the response's fields (flattened JSON) */
  fields?: TestCallField[];
  /** sample value (JSON text) of each variable the step saves, by name */
  savedValues?: Record<string, string>;
}

/** Finds the last result of a step of the current document. */
export type TestResultLookup = (step: string) => TestCallSummary | undefined;

/** `200 OK · 143 ms`, or `failed: timeout · 10000 ms`. */
export function summaryTitle(summary: TestCallSummary): string {
  const time = `${Math.round(summary.durationMs)} ms`;
  if (summary.status === undefined) return `failed${summary.error ? `: ${summary.error}` : ""} · ${time}`;
  return `${summary.status}${summary.statusText ? ` ${summary.statusText}` : ""} · ${time}`;
}

/** The sample value a step's last run gave a variable it saves. */
export function sampleValue(summary: TestCallSummary | undefined, variable: string, path: string | undefined): string | undefined {
  if (!summary) return undefined;
  const saved = summary.savedValues?.[variable];
  if (saved !== undefined) return saved;
  if (path === undefined) return undefined;
  const normalized = normalizePath(path);
  return summary.fields?.find((f) => normalizePath(f.path) === normalized)?.value;
}

/** `order["id"]` and `order.id` name the same field; `$.a` and `a` too. */
function normalizePath(path: string): string {
  return path.replace(/\[\s*"([A-Za-z_][A-Za-z0-9_]*)"\s*\]/g, ".$1").replace(/^\$\.?/, "").replace(/^\./, "") || "$";
}
