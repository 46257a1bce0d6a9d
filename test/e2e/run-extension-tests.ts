// Runs a mocha suite inside a real VS Code extension host (code-server) and
// exits with its result. code-server rejects --extensionDevelopmentPath /
// --extensionTestsPath on its command line and starts no extension host until
// a browser connects, so we open the workbench in headless Chromium with both
// paths in the `payload` query parameter, and collect the results through the
// two hooks the workbench calls on `window`: codeAutomationLog(level, msg) for
// every log line (mocha's reporter included) and codeAutomationExit(code).
// Facts and reasons: /work/shared/design/vscode-e2e.md.
//
//   bash test/e2e/install-code-server.sh && node test/e2e/build-host.mjs
//   node --import tsx test/e2e/run-extension-tests.ts \
//     [--extension <dir>]      extension under development (default: repo root)
//     [--tests <index.js>]     compiled tests module (default: out/e2e-host/index.js)
//     [--workspace <dir>]      folder to open (default: a temp copy of samples/)
//     [--installed]            test the extension installed from a VSIX (as a
//                              user gets it) instead of the --extension folder
//     [--vsix <file>]          the VSIX to install (implies --installed;
//                              default: `vsce package` of --extension)
//     [--timeout <seconds>]    default 120
//
// Last line printed: `extension-host: N passed, M failed`. Exit code: the
// workbench's (0 / 1), 2 on timeout or harness error.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { chromium, type BrowserContext } from "playwright-core";
import { CHROMIUM } from "../helpers/chromium";
import { REPO_ROOT, installVsix, prepareRun, startCodeServer, type CodeServer } from "./code-server";

/** Chromium flags: headless, no GPU, and nothing that phones home. */
export const CHROMIUM_ARGS = [
  "--no-sandbox", // we run as root in a container
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage", // small /dev/shm in containers
  "--disable-breakpad", // no crash reporter
];

/** Printed by host/index.ts when its run() starts mocha, or finds the extension under test missing. */
const STARTED_MARKER = "e2e-host: run() started";
const NOT_READY_MARKER = "e2e-host: extension under test not loaded";
const START_TIMEOUT_MS = 25_000;
const START_ATTEMPTS = 3;

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

/**
 * Launches Chromium on a fresh profile inside `profileDir`, with a route filter
 * that aborts (and records) every request not aimed at loopback, so "the tests
 * use no network" is checked rather than assumed.
 */
export async function launchBrowser(profileDir: string): Promise<{ context: BrowserContext; blocked: Set<string> }> {
  // HOME/XDG inside the profile too: Chromium otherwise writes
  // ~/.config/chromium/Crash Reports and ~/.cache/dconf into the real home.
  const home = join(profileDir, "home");
  mkdirSync(home, { recursive: true });
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    env: {
      ...process.env,
      HOME: home,
      XDG_CONFIG_HOME: join(home, ".config"),
      XDG_CACHE_HOME: join(home, ".cache"),
      XDG_DATA_HOME: join(home, ".local/share"),
    },
    viewport: { width: 1400, height: 900 },
  });
  const blocked = new Set<string>();
  const local = (url: URL) => url.protocol === "data:" || url.protocol === "blob:" || LOOPBACK.has(url.hostname);
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (local(url)) return route.continue();
    blocked.add(`${url.protocol}//${url.host}`);
    return route.abort("blockedbyclient");
  });
  // route() does not see WebSockets. Match only non-loopback ones, so the
  // workbench's own connection to code-server is not proxied through Playwright.
  await context.routeWebSocket(
    (url) => !local(url),
    (ws) => {
      const url = new URL(ws.url());
      blocked.add(`${url.protocol}//${url.host}`);
      return ws.close();
    },
  );
  return { context, blocked };
}

/**
 * The workbench URL that makes it run `testsModule` in the extension host.
 * `extensionDir` is required in practice: without an extensionDevelopmentPath
 * the workbench ignores extensionTestsPath.
 */
export function testUrl(cs: CodeServer, workspace: string, testsModule: string, extensionDir: string): string {
  // The authority must be exactly the host:port the browser uses, or the
  // workbench treats the paths as belonging to another remote.
  const remote = (p: string) => `vscode-remote://127.0.0.1:${cs.port}${resolve(p)}`;
  const payload = [
    ["extensionDevelopmentPath", remote(extensionDir)],
    ["extensionTestsPath", remote(testsModule)],
  ];
  return `${cs.url}/?folder=${encodeURIComponent(resolve(workspace))}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** `vsce package` of an extension folder into `outDir` (only for --installed without --vsix). */
function packageVsix(extensionDir: string, outDir: string): string {
  const out = join(outDir, "extension.vsix");
  const vsce = join(REPO_ROOT, "node_modules/@vscode/vsce/vsce");
  // The two --allow/--skip flags only answer vsce's interactive prompts
  // (no LICENSE / no repository field); they do not change the package.
  const r = spawnSync(process.execPath, [vsce, "package", "--out", out, "--allow-missing-repository", "--skip-license"], {
    cwd: extensionDir,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (r.status !== 0) throw new Error(`vsce package failed in ${extensionDir}:\n${r.stdout}${r.stderr}`);
  return out;
}

async function main(): Promise<number> {
  const started = Date.now();
  const { values: args } = parseArgs({
    options: {
      extension: { type: "string", default: REPO_ROOT },
      tests: { type: "string", default: join(REPO_ROOT, "out/e2e-host/index.js") },
      workspace: { type: "string" },
      installed: { type: "boolean", default: false },
      vsix: { type: "string" },
      timeout: { type: "string", default: "120" },
    },
  });
  const tests = resolve(args.tests!);
  if (!existsSync(tests)) throw new Error(`no tests module at ${tests} (build it: node test/e2e/build-host.mjs)`);
  const installed = args.installed || args.vsix !== undefined;
  const timeoutMs = Number(args.timeout) * 1000;

  const run = prepareRun();
  // Default workspace: a copy of samples/, so tests may edit and save freely.
  const workspace = args.workspace ? resolve(args.workspace) : join(run.dir, "workspace");
  if (!args.workspace) {
    const samples = join(REPO_ROOT, "samples");
    if (existsSync(samples)) cpSync(samples, workspace, { recursive: true });
    else mkdirSync(workspace, { recursive: true });
  }

  // The workbench runs extensionTestsPath only in extension-development mode,
  // i.e. when extensionDevelopmentPath is also given (measured: with the tests
  // path alone it never calls run() nor codeAutomationExit; 120 s timeout).
  // So for the installed VSIX we pass an EMPTY folder as the development
  // path: it contributes no extension (measured: no error either), and the
  // extension under test is the copy installed in the run's extensions dir.
  let developmentPath = resolve(args.extension!);
  if (installed) {
    try {
      const vsix = args.vsix ? resolve(args.vsix) : packageVsix(developmentPath, run.dir);
      await installVsix(run, vsix);
      console.log(`e2e: installed ${vsix}`);
    } catch (err) {
      rmSync(run.dir, { recursive: true, force: true });
      throw err;
    }
    developmentPath = join(run.dir, "no-dev-extension");
    mkdirSync(developmentPath);
  }

  const cs = await startCodeServer({ run }); // removes run.dir on stop()
  let code = 2;
  let summary = "";
  let blocked = new Set<string>();
  try {
    const browser = await launchBrowser(join(run.dir, "chromium-profile"));
    blocked = browser.blocked;
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());

    let testsStarted = false;
    let notReady: (() => void) | undefined;
    let resolveExit!: (c: number) => void;
    const exited = new Promise<number>((r) => (resolveExit = r));
    // Registered before goto: the workbench looks them up when it needs them.
    await page.exposeFunction("codeAutomationLog", (level: string, msg: unknown) => {
      const text = String(msg);
      for (const line of text.split("\n")) {
        const m = /^(\d+) passed, (\d+) failed$/.exec(line.trim());
        if (m) summary = `${m[1]} passed, ${m[2]} failed`;
        if (line.includes(STARTED_MARKER)) testsStarted = true;
        if (line.includes(NOT_READY_MARKER)) notReady?.();
      }
      console.log(level === "info" ? text : `[${level}] ${text}`);
    });
    await page.exposeFunction("codeAutomationExit", (c: number) => resolveExit(c));

    const url = testUrl(cs, workspace, tests, developmentPath);
    console.log(`e2e: ${url}`);
    await page.goto(url);
    const timer = new Promise<number>((r) => setTimeout(() => r(-1), timeoutMs).unref());
    // Measured: about one start in three, the extension host process is launched
    // but never starts (no log of its own, the tests never run). Nothing has
    // run yet then, so reloading the window (a new extension host) is safe.
    let c = -2;
    for (let attempt = 1; c === -2; attempt++) {
      const startTimer = new Promise<number>((r) => setTimeout(() => r(testsStarted || attempt > START_ATTEMPTS ? -3 : -2), START_TIMEOUT_MS).unref());
      const missing = new Promise<number>((r) => (notReady = () => r(attempt > START_ATTEMPTS ? -3 : -2)));
      c = await Promise.race([exited, timer, startTimer, missing]);
      if (c === -3) c = await Promise.race([exited, timer]);
      else if (c === -2) {
        console.log(`e2e: the window did not start the tests (no extension host, or no extension under test); reloading it (attempt ${attempt + 1})`);
        await page.reload();
      }
    }
    if (c === -1) {
      console.error(`e2e: no codeAutomationExit within ${timeoutMs / 1000} s (extension host crashed or tests hang)`);
      code = 2;
    } else code = c;
    await browser.context.close();
  } finally {
    await cs.stop();
  }

  if (blocked.size) console.log(`e2e: blocked non-loopback requests to ${[...blocked].join(", ")}`);
  console.log(`e2e: ${((Date.now() - started) / 1000).toFixed(1)} s, exit ${code}`);
  // No summary line means the tests module never finished (load error, timeout).
  if (!summary) summary = code === 0 ? "0 passed, 0 failed" : "0 passed, 1 failed";
  console.log(`extension-host: ${summary}`);
  return code;
}

// Only when run as a script, so workbench.ts / other launchers can import the helpers.
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().then(
    (code) => process.exit(code),
    (err) => {
      console.error(err instanceof Error ? err.stack : err);
      console.log("extension-host: 0 passed, 1 failed");
      process.exit(2);
    },
  );
}
