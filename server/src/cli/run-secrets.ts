// Connection secrets for a run from the terminal: `env NAME` reads that
// environment variable; `secret "key"` (the editor's secret storage) falls
// back to the environment variable of the same name upper-cased, as the spec
// says, then to that name with every other character made `_`, since
// `shop-token` cannot be an environment variable name in most shells.

import type { SecretResolver } from "../core/index";

export function environmentSecrets(env: Record<string, string | undefined>): SecretResolver {
  return async (source) => {
    if (source.kind === "env") return env[source.name];
    const upper = source.key.toUpperCase();
    return env[upper] ?? env[upper.replace(/[^A-Z0-9_]/g, "_")];
  };
}
