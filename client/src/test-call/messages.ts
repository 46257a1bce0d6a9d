// How Run test call tells the person something went wrong: one line, prefixed.

import { ui } from "../ui";

export function showError(message: string): void {
  void ui.showErrorMessage(`Bot Flow: ${message}`);
}

/** An error's first line (a stack or a server's multi-line message would not fit a notification). */
export function oneLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split("\n")[0];
}
