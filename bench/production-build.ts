// What the benches measure is what ships: the production bundles in dist/
// (minified, with the CLI's code caches). Every bench that runs dist/ builds
// them first; the test helper's ensureBuilt() would make a dev build instead.

import { spawnSync } from "node:child_process";
import { ROOT } from "../test/helpers/lsp-client";

export function buildProduction(): void {
  const built = spawnSync(process.execPath, ["build.mjs", "--production"], { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"] });
  if (built.status !== 0) throw new Error(`node build.mjs --production exited ${built.status}`);
}
