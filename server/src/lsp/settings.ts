// The `botflow` settings as the server sees them: pulled from the client
// (workspace/configuration) when it can answer, else taken from what
// didChangeConfiguration pushes. Missing or mistyped values fall back to the defaults.

import type { Connection } from "vscode-languageserver/node";
import { DEFAULT_SETTINGS, SETTINGS_SECTION, readSettings, type BotflowSettings } from "../protocol";

export class Settings {
  current: BotflowSettings = DEFAULT_SETTINGS;

  constructor(private readonly connection: Connection, private readonly canPull: () => boolean) {}

  /** `pushed`: the settings object of a didChangeConfiguration notification, if any. */
  async refresh(pushed?: unknown): Promise<void> {
    if (this.canPull()) {
      try {
        this.current = readSettings(await this.connection.workspace.getConfiguration(SETTINGS_SECTION));
        return;
      } catch {
        // A client may announce configuration support and still fail the request: keep what we have.
        return;
      }
    }
    if (pushed && typeof pushed === "object" && SETTINGS_SECTION in pushed) {
      this.current = readSettings((pushed as Record<string, unknown>)[SETTINGS_SECTION]);
    }
  }
}
