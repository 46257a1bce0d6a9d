// Alternative launcher for machines with a desktop VS Code: runs the same
// extension-host suite (out/e2e-host/index.js) through @vscode/test-electron's
// runTests, which starts VS Code itself with --extensionDevelopmentPath /
// --extensionTestsPath. NOT used on the build machines: there
// @vscode/test-electron cannot download VS Code, so they use
// run-extension-tests.ts (code-server + Chromium) instead. Same tests module,
// so a suite that passes in one should pass in the other.
//
//   node test/e2e/build-host.mjs
//   VSCODE_EXECUTABLE=/usr/share/code/code node --import tsx test/e2e/test-electron.ts
//     [--extension <dir>] [--tests <index.js>] [--workspace <dir>]
//
// VSCODE_EXECUTABLE: path of an installed VS Code binary (`code` on Linux,
// ".../Visual Studio Code.app/Contents/MacOS/Electron" on macOS). Without it,
// runTests downloads VS Code 1.100.3 (needs internet) into .vscode-test/ —
// the version code-server 4.100.3 matches, so both launchers see one API.
// On headless Linux run it under xvfb-run.
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { runTests } from "@vscode/test-electron";

const REPO_ROOT = resolve(import.meta.dirname, "../..");

async function main(): Promise<number> {
  const { values: args } = parseArgs({
    options: {
      extension: { type: "string", default: REPO_ROOT },
      tests: { type: "string", default: join(REPO_ROOT, "out/e2e-host/index.js") },
      workspace: { type: "string" },
    },
  });
  const tests = resolve(args.tests!);
  if (!existsSync(tests)) throw new Error(`no tests module at ${tests} (build it: node test/e2e/build-host.mjs)`);

  // Fresh user data and extensions dirs: no settings, state or other
  // extensions from the developer's own VS Code leak into the run.
  const run = mkdtempSync(join(tmpdir(), "botflow-e2e-electron-"));
  const workspace = args.workspace ? resolve(args.workspace) : join(run, "workspace");
  if (!args.workspace) {
    const samples = join(REPO_ROOT, "samples");
    if (existsSync(samples)) cpSync(samples, workspace, { recursive: true });
    else mkdirSync(workspace, { recursive: true });
  }
  try {
    // runTests resolves with the exit code (0) and rejects when tests fail.
    return await runTests({
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
      version: process.env.VSCODE_EXECUTABLE ? undefined : "1.100.3",
      extensionDevelopmentPath: resolve(args.extension!),
      extensionTestsPath: tests,
      launchArgs: [
        workspace,
        "--user-data-dir", join(run, "user-data"),
        "--extensions-dir", join(run, "extensions"),
        "--disable-workspace-trust", // else Restricted Mode disables the extension
        "--skip-welcome",
        "--skip-release-notes",
        "--disable-telemetry",
        "--disable-updates",
      ],
    });
  } finally {
    rmSync(run, { recursive: true, force: true, maxRetries: 3 });
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
