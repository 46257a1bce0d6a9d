// Seeded random JSON values for property tests: nested objects and arrays
// with odd keys, long strings and long arrays, reproducible from a seed.

const KEYS = ["id", "name", "status", "items", "sku", "odd key", "a.b", "{{x}}", "GET", "ünï", "", "x-y", "0"];

export function randomJson(next: () => number, depth = 0, extraStrings: readonly string[] = []): unknown {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const r = next();
  if (depth > 6 || r < 0.35) {
    const s = next();
    if (s < 0.2) return Math.floor(next() * 1e6) / (next() < 0.5 ? 1 : 100);
    if (s < 0.3) return next() < 0.5;
    if (s < 0.4) return null;
    if (s < 0.5 && extraStrings.length) return `${pick(["", "token=", "Bearer "])}${pick(extraStrings)}${pick(["", " end"])}`;
    if (s < 0.55) return "x".repeat(Math.floor(next() * 1200));
    return pick(KEYS) + String(Math.floor(next() * 100));
  }
  if (r < 0.65) {
    const n = next() < 0.2 && depth < 2 ? Math.floor(next() * 80) : Math.floor(next() * 4);
    return Array.from({ length: n }, () => randomJson(next, depth + 1, extraStrings));
  }
  const out: Record<string, unknown> = {};
  const n = Math.floor(next() * 5);
  for (let i = 0; i < n; i++) out[pick(KEYS) + (next() < 0.5 ? "" : String(i))] = randomJson(next, depth + 1, extraStrings);
  return out;
}
