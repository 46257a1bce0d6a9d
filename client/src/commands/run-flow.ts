// "Bot Flow: Run Flow": plays a .flow file in an integrated terminal with the
// bundled CLI (`botflow run FILE`), so the person talks to the flow there.
// The terminal runs the CLI directly with the editor's own Node runtime
// (process.execPath with ELECTRON_RUN_AS_NODE), which works from the VSIX
// without a `node` on the PATH and without shell-specific quoting.

import * as vscode from "vscode";
import * as path from "node:path";
import type { LanguageClient } from "vscode-languageclient/node";
import { TEST_CALL_PLAN_REQUEST, type TestCallPlan } from "../../../server/src/protocol";
import { testCallSettings } from "../test-call-settings";

/**
 * Runs the CLI, then keeps the terminal open until Enter: a terminal whose
 * process exits closes at once, and the end of the conversation would vanish
 * with it. `node -e CODE A B ...` puts A, B, ... at process.argv[1], [2], ...
 */
const LAUNCHER = [
  "const [cli, file, ...options] = process.argv.slice(1);",
  "process.argv = [process.argv[0], cli, 'run', file, ...options];",
  "require(cli).runCli();",
  "process.once('beforeExit', () => {",
  "  const code = process.exitCode ?? 0;",
  "  process.stdout.write('\\n[botflow run exited with status ' + code + '] Press Enter to close this terminal.');",
  "  process.stdin.resume();",
  "  process.stdin.once('data', () => process.exit(code));",
  "});",
].join("\n");

/**
 * The secrets of the file's `secret "key"` sources from VS Code's secret
 * storage, as the environment variables the CLI falls back to (the key upper-
 * cased, as the language reference says). They go only into the terminal
 * process's environment: never into a file, a log or the terminal's text.
 */
async function storedSecretsEnv(context: vscode.ExtensionContext, client: LanguageClient | undefined, uri: vscode.Uri): Promise<Record<string, string>> {
  if (!client) return {};
  let plan: TestCallPlan;
  try {
    plan = await client.sendRequest<TestCallPlan>(TEST_CALL_PLAN_REQUEST, { uri: uri.toString() });
  } catch {
    return {};
  }
  const env: Record<string, string> = {};
  for (const key of plan.fileSecrets) {
    const value = await context.secrets.get(key);
    if (value) env[key.toUpperCase()] = value;
  }
  return env;
}

/** The calls a run makes follow the same settings as "Run test call". */
function callOptions(target: vscode.Uri): string[] {
  const { timeoutMs, caFiles } = testCallSettings(target);
  return [...(timeoutMs ? ["--timeout", String(timeoutMs)] : []), ...caFiles.flatMap(({ full }) => ["--ca", full])];
}

export async function runFlow(context: vscode.ExtensionContext, uri?: vscode.Uri, client?: LanguageClient): Promise<void> {
  const target = uri ?? vscode.window.activeTextEditor?.document.uri;
  if (!target || target.scheme !== "file" || path.extname(target.fsPath) !== ".flow") {
    await vscode.window.showWarningMessage("Bot Flow: open a .flow file (saved on disk) to run it.");
    return;
  }
  // The CLI reads the file from disk: run what the person sees, not the last saved version.
  const open = vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === target.toString());
  if (open?.isDirty && !(await open.save())) {
    await vscode.window.showWarningMessage(`Bot Flow: ${path.basename(target.fsPath)} could not be saved, so it was not run.`);
    return;
  }
  const cli = vscode.Uri.joinPath(context.extensionUri, "dist", "cli.js").fsPath;
  const terminal = vscode.window.createTerminal({
    name: `Bot Flow: ${path.basename(target.fsPath)}`,
    shellPath: process.execPath,
    shellArgs: ["-e", LAUNCHER, cli, target.fsPath, ...callOptions(target)],
    // Mock and answer files named relative to the flow resolve next to it.
    cwd: path.dirname(target.fsPath),
    env: { ...(await storedSecretsEnv(context, client, target)), ELECTRON_RUN_AS_NODE: "1" },
    // Never restored after a reload: its environment may hold stored secrets.
    isTransient: true,
  });
  terminal.show();
}
