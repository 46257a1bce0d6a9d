// Starts a real VS Code (code-server 4.100.3, installed by
// test/e2e/install-code-server.sh into <repo>/.cache/code-server) for one e2e
// run, fully isolated: every file it writes goes into a fresh temp "run
// folder", it listens on a free 127.0.0.1 port only, and every way it could
// reach the network (extension gallery, HTTP proxy) points at a closed
// loopback port. The recipe and its reasons are in
// /work/shared/design/vscode-e2e.md ("Starting it for a test").
//
//   const run = prepareRun();                 // temp dirs + settings.json
//   await installVsix(run, "botflow.vsix");   // optional, before start
//   const cs = await startCodeServer({ run }); // { url, port, stop() }
//   ...
//   await cs.stop();                           // kills the process group
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, openSync, closeSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const REPO_ROOT = resolve(import.meta.dirname, "../..");
export const CODE_SERVER_VERSION = "4.100.3";
/** code-server's entry point; run with this Node (4.100.x is built for Node 20). */
export const CODE_SERVER_ENTRY = join(REPO_ROOT, ".cache/code-server/node_modules/code-server/out/node/entry.js");

/** A closed loopback port: anything aimed here fails at once instead of leaving the machine. */
const DEAD_END = "http://127.0.0.1:9";

/** The isolated folders of one run. */
export interface CodeServerRun {
  dir: string;
  home: string;
  userDataDir: string;
  extensionsDir: string;
  configFile: string;
  /** code-server's combined stdout/stderr. */
  logFile: string;
}

export interface CodeServer {
  url: string; // "http://127.0.0.1:PORT"
  port: number;
  run: CodeServerRun;
  /** Kills code-server's whole process group (it forks the extension host, pty host, file watcher). */
  stop(): Promise<void>;
}

/**
 * User settings. The first three are required: without them a workspace-trust
 * dialog opens, the window is in Restricted Mode, the extension under test is
 * disabled and the tests never run. The rest keep the run quiet and offline.
 */
const SETTINGS = {
  "workbench.startupEditor": "none",
  "workbench.welcomePage.walkthroughs.openOnInstall": false,
  "security.workspace.trust.enabled": false,
  "window.restoreWindows": "none",
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "workbench.enableExperiments": false,
  "workbench.settings.enableNaturalLanguageSearch": false,
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "git.enabled": false,
  "git.autoRepositoryDetection": false,
  "npm.autoDetect": "off",
  "workbench.tips.enabled": false,
  "chat.commandCenter.enabled": false,
};

/** Creates the temp run folder with user data, extensions dir, config and settings. */
export function prepareRun(settings: Record<string, unknown> = {}): CodeServerRun {
  const dir = mkdtempSync(join(tmpdir(), "botflow-e2e-"));
  const run: CodeServerRun = {
    dir,
    home: join(dir, "home"),
    userDataDir: join(dir, "user-data"),
    extensionsDir: join(dir, "extensions"),
    configFile: join(dir, "config.yaml"),
    logFile: join(dir, "code-server.log"),
  };
  for (const d of [run.home, join(run.userDataDir, "User"), run.extensionsDir]) mkdirSync(d, { recursive: true });
  writeFileSync(
    join(run.userDataDir, "User/settings.json"),
    JSON.stringify({ ...SETTINGS, ...settings }, null, 2),
  );
  // An explicit config file: otherwise code-server writes ~/.config/code-server/config.yaml.
  writeFileSync(run.configFile, "auth: none\ncert: false\n");
  return run;
}

/**
 * Environment for code-server: HOME and XDG_* inside the run folder (else it
 * writes into the real home), gallery and proxies at a dead end, and nothing
 * inherited that would make it talk to another VS Code (VSCODE_IPC_HOOK_CLI
 * turns it into a client of the parent window).
 */
function isolatedEnv(run: CodeServerRun): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(VSCODE_|ELECTRON_|CODE_SERVER_)|^(PASSWORD|HASHED_PASSWORD|GITHUB_TOKEN)$/.test(k)) continue;
    if (/^(https?|no|all)_proxy$/i.test(k)) continue;
    env[k] = v;
  }
  const xdg = (name: string) => {
    const d = join(run.dir, "xdg", name);
    mkdirSync(d, { recursive: true, mode: 0o700 });
    return d;
  };
  return {
    ...env,
    HOME: run.home,
    XDG_CONFIG_HOME: xdg("config"),
    XDG_DATA_HOME: xdg("data"),
    XDG_CACHE_HOME: xdg("cache"),
    XDG_STATE_HOME: xdg("state"),
    XDG_RUNTIME_DIR: xdg("runtime"),
    TMPDIR: run.dir,
    EXTENSIONS_GALLERY: JSON.stringify({
      serviceUrl: `${DEAD_END}/gallery`,
      itemUrl: `${DEAD_END}/item`,
      resourceUrlTemplate: `${DEAD_END}/resource`,
    }),
    HTTP_PROXY: DEAD_END,
    HTTPS_PROXY: DEAD_END,
    http_proxy: DEAD_END,
    https_proxy: DEAD_END,
    NO_PROXY: "127.0.0.1,localhost",
    no_proxy: "127.0.0.1,localhost",
  };
}

/** The flags every code-server invocation of a run shares (same dirs for install and serve). */
function baseArgs(run: CodeServerRun): string[] {
  return [
    "--config", run.configFile,
    "--user-data-dir", run.userDataDir,
    "--extensions-dir", run.extensionsDir,
    "--disable-telemetry",
    "--disable-update-check",
  ];
}

function assertInstalled(): void {
  if (!existsSync(CODE_SERVER_ENTRY)) {
    throw new Error(`code-server is not installed (${CODE_SERVER_ENTRY}); run: bash test/e2e/install-code-server.sh`);
  }
}

/** Installs a .vsix into the run's extensions dir (code-server exits when done). */
export async function installVsix(run: CodeServerRun, vsixPath: string): Promise<void> {
  assertInstalled();
  const args = [CODE_SERVER_ENTRY, ...baseArgs(run), "--install-extension", resolve(vsixPath)];
  const out: Buffer[] = [];
  const child = spawn(process.execPath, args, { env: isolatedEnv(run), stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.on("data", (b: Buffer) => out.push(b));
  child.stderr.on("data", (b: Buffer) => out.push(b));
  const code = await new Promise<number | null>((res) => child.on("exit", res));
  const text = Buffer.concat(out).toString();
  // code-server prints errors but may still exit 0; check for the success line too.
  if (code !== 0 || !/successfully installed/i.test(text)) {
    throw new Error(`--install-extension ${vsixPath} failed (exit ${code}):\n${text}`);
  }
}

/** Asks the OS for a free port on 127.0.0.1 (tiny race before code-server binds it; acceptable). */
export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once("error", rej);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === "object" && addr ? res(addr.port) : rej(new Error("no port"))));
    });
  });
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    /* already gone */
  }
}

let signalsHooked = false;
/**
 * Ctrl-C / SIGTERM would end Node without its "exit" event, leaving the
 * detached code-server running; turn them into a normal exit (which runs the
 * kill handlers above) with the conventional 128+n code.
 */
function exitOnSignals(): void {
  if (signalsHooked) return;
  signalsHooked = true;
  process.once("SIGINT", () => process.exit(130));
  process.once("SIGTERM", () => process.exit(143));
}

export interface StartOptions {
  run?: CodeServerRun;
  /** Keep the run folder after stop() (logs, user data). Also set by env E2E_KEEP=1. */
  keep?: boolean;
  /** Echo code-server's output to our stderr. Also set by env E2E_VERBOSE=1. */
  verbose?: boolean;
  timeoutMs?: number;
}

/** Starts code-server and resolves once it answers HTTP on its port. */
export async function startCodeServer(opts: StartOptions = {}): Promise<CodeServer> {
  assertInstalled();
  const run = opts.run ?? prepareRun();
  const keep = opts.keep ?? process.env.E2E_KEEP === "1";
  const verbose = opts.verbose ?? process.env.E2E_VERBOSE === "1";
  const port = await freePort();
  const args = [
    CODE_SERVER_ENTRY,
    ...baseArgs(run),
    "--auth", "none",
    "--bind-addr", `127.0.0.1:${port}`,
    "--disable-workspace-trust",
    "--disable-getting-started-override",
    "--ignore-last-opened",
  ];
  const logFd = openSync(run.logFile, "a");
  // detached: its own process group, so stop() can kill it and all its children at once.
  const child = spawn(process.execPath, args, {
    env: isolatedEnv(run),
    detached: true,
    stdio: ["ignore", verbose ? "inherit" : logFd, verbose ? "inherit" : logFd],
  });
  closeSync(logFd);
  // Never leave a code-server behind, even if the launcher crashes or is interrupted.
  const onExit = () => {
    killGroup(child, "SIGKILL");
    if (!keep) rmSync(run.dir, { recursive: true, force: true });
  };
  process.once("exit", onExit);
  exitOnSignals();

  let exited = false;
  const exitPromise = new Promise<void>((res) => child.once("exit", () => ((exited = true), res())));

  const stop = async () => {
    process.removeListener("exit", onExit);
    if (!exited) {
      killGroup(child, "SIGTERM");
      const timer = setTimeout(() => killGroup(child, "SIGKILL"), 3000);
      await exitPromise;
      clearTimeout(timer);
    }
    // Children (extension host, pty host) may outlive the leader for a moment.
    killGroup(child, "SIGKILL");
    if (!keep) rmSync(run.dir, { recursive: true, force: true, maxRetries: 3 });
    else console.error(`e2e: kept run folder ${run.dir}`);
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  for (;;) {
    if (exited) {
      const log = verbose ? "" : readFileSync(run.logFile, "utf8");
      await stop();
      throw new Error(`code-server exited before listening:\n${log}`);
    }
    try {
      const r = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (r.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not listen on ${url} within ${opts.timeoutMs ?? 60_000} ms`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, port, run, stop };
}
