// The .flow texts every feature must handle: the samples (when present) and
// the LSP test fixtures.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = new URL("../../../", import.meta.url).pathname;

export function flowFiles(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  for (const dir of ["samples", "test/lsp/fixtures"]) {
    let names: string[] = [];
    try {
      names = readdirSync(join(ROOT, dir)).filter((n) => n.endsWith(".flow")).sort();
    } catch {
      continue;
    }
    for (const name of names) out.push({ name: `${dir}/${name}`, text: readFileSync(join(ROOT, dir, name), "utf8") });
  }
  return out;
}

