// Playwright helpers for browser tests that drive the VS Code workbench as a
// person would (click in the explorer, read the status bar and the Problems
// panel). They run against code-server (./code-server.ts) in headless Chromium
// (launchBrowser in ./run-extension-tests.ts).
//
//   const s = await startWorkbench({ folder, extensionDevelopmentPath: REPO_ROOT });
//   await openFile(s.page, "greeting.flow");
//   await waitForLanguageStatus(s.page, "Bot Flow");
//   const rows = await readProblems(s.page);
//   await screenshot(s.page, "greeting-problems");
//   await s.close();
//
// Rules learned the hard way (vscode-e2e.md): wait on UI states with generous
// timeouts, never on sleeps; rendered spaces are U+00A0 (match with \s); only
// visible lines/rows are in the DOM, so check edits on disk or through the
// extension-host suite rather than by reading the editor.
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { REPO_ROOT, startCodeServer, type CodeServer, type CodeServerRun } from "./code-server";
import { launchBrowser } from "./run-extension-tests";

/**
 * Every workbench CSS selector in one place. Role/id based ones are stable; the
 * class based ones are workbench internals, checked to be the same in VS Code
 * 1.100 and 1.117 — when an upgrade breaks a test, look here first.
 */
export const SELECTORS = {
  workbench: ".monaco-workbench",
  explorerView: ".explorer-folders-view",
  /** Language mode in the status bar; reads the language name once the extension is active. */
  languageStatus: '[id="status.editor.mode"]',
  problemsStatus: '[id="status.problems"]',
  problemsPanel: ".markers-panel",
  problemsRow: ".markers-panel .monaco-list-row",
  /** A marker row's text parts (message, source/code, position). */
  problemsRowMessage: ".marker-message-details, .marker-message",
  activeTab: ".tab.active",
  dirtyTab: ".tab.dirty",
  editorLine: ".view-line",
  codeLens: ".codelens-decoration a",
  notificationToast: ".notification-toast",
} as const;

/** One step of UI waiting: generous, because 3 runs sharing 2 cores take 13–18 s to show a lens. */
export const STEP_TIMEOUT = 60_000;

export interface WorkbenchSession {
  page: Page;
  context: BrowserContext;
  cs: CodeServer;
  /** Non-loopback hosts the browser tried to reach (aborted). */
  blocked: Set<string>;
  close(): Promise<void>;
}

/** The workbench URL for a folder, optionally with an extension under development (no tests). */
export function workbenchUrl(cs: CodeServer, folder: string, extensionDevelopmentPath?: string): string {
  let url = `${cs.url}/?folder=${encodeURIComponent(resolve(folder))}`;
  if (extensionDevelopmentPath) {
    // Authority must be exactly the host:port the browser uses.
    const ext = `vscode-remote://127.0.0.1:${cs.port}${resolve(extensionDevelopmentPath)}`;
    url += `&payload=${encodeURIComponent(JSON.stringify([["extensionDevelopmentPath", ext]]))}`;
  }
  return url;
}

/** Opens the workbench at `folder` and waits until the explorer shows it. */
export async function openWorkbench(
  page: Page,
  cs: CodeServer,
  folder: string,
  extensionDevelopmentPath?: string,
): Promise<void> {
  await page.goto(workbenchUrl(cs, folder, extensionDevelopmentPath));
  await page.locator(SELECTORS.workbench).waitFor({ timeout: STEP_TIMEOUT });
  await page.locator(SELECTORS.explorerView).waitFor({ timeout: STEP_TIMEOUT });
}

/**
 * Starts code-server and Chromium and opens the workbench at `folder`. Pass
 * `run` (from prepareRun + installVsix) to test an installed VSIX, or
 * `extensionDevelopmentPath` to load the extension from a folder.
 */
export async function startWorkbench(opts: {
  folder: string;
  run?: CodeServerRun;
  extensionDevelopmentPath?: string;
}): Promise<WorkbenchSession> {
  const cs = await startCodeServer({ run: opts.run });
  try {
    const { context, blocked } = await launchBrowser(join(cs.run.dir, "chromium-profile"));
    const page = context.pages()[0] ?? (await context.newPage());
    await openWorkbench(page, cs, opts.folder, opts.extensionDevelopmentPath);
    return {
      page,
      context,
      cs,
      blocked,
      close: async () => {
        await context.close().catch(() => {});
        await cs.stop();
      },
    };
  } catch (err) {
    await cs.stop();
    throw err;
  }
}

/** Polls a locator's text until it matches (no sleeps in tests; this is the one wait loop). */
export async function waitForText(
  locator: Locator,
  expected: string | RegExp,
  timeout = STEP_TIMEOUT,
): Promise<string> {
  const deadline = Date.now() + timeout;
  let last = "";
  for (;;) {
    // U+00A0 -> space, so callers can write plain strings.
    last = ((await locator.first().textContent({ timeout: 1000 }).catch(() => null)) ?? "").replace(/\u00a0/g, " ").trim();
    if (typeof expected === "string" ? last === expected : expected.test(last)) return last;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${locator} to read ${expected}; last: "${last}"`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Opens a file by clicking it in the explorer, as a user would. `relPath` may
 * contain folders ("flows/a.flow"): each folder's treeitem is expanded first.
 * Resolves when the file's tab is the active one.
 */
export async function openFile(page: Page, relPath: string): Promise<void> {
  const parts = relPath.split("/").filter(Boolean);
  const explorer = page.locator(SELECTORS.explorerView);
  for (const [i, name] of parts.entries()) {
    const item = explorer.getByRole("treeitem", { name, exact: true });
    await item.waitFor({ timeout: STEP_TIMEOUT });
    const isFolder = i < parts.length - 1;
    if (isFolder) {
      if ((await item.getAttribute("aria-expanded")) !== "true") await item.click();
    } else {
      await item.click();
    }
  }
  const file = parts[parts.length - 1];
  await waitForText(page.locator(SELECTORS.activeTab).locator(".label-name"), file);
}

/** Waits until the status bar's language indicator reads `text` (e.g. "Bot Flow"). */
export async function waitForLanguageStatus(page: Page, text: string | RegExp, timeout = STEP_TIMEOUT): Promise<void> {
  await waitForText(page.locator(SELECTORS.languageStatus), text, timeout);
}

export interface ProblemRow {
  /** From the label's first word; undefined for a file row ("2 problems in file a.flow …"). */
  severity?: "error" | "warning" | "info";
  /** The row's accessible label, e.g. `Error: Unknown variable 'x' at line 3 column 5`. */
  label: string;
  /** The rendered text of the row. */
  text: string;
}

/** Shows the Problems panel (idempotent: Ctrl+Shift+M would toggle it shut). */
export async function openProblems(page: Page): Promise<void> {
  const panel = page.locator(SELECTORS.problemsPanel);
  if (!(await panel.isVisible())) await page.locator(SELECTORS.problemsStatus).click();
  await panel.waitFor({ state: "visible", timeout: STEP_TIMEOUT });
}

/**
 * Opens the Problems panel and returns its rows (file rows and marker rows, in
 * display order). Only rows scrolled into view exist in the DOM; for long
 * lists use vscode.languages.getDiagnostics in the extension-host suite.
 * With `minRows`, waits until at least that many rows are shown.
 */
export async function readProblems(page: Page, minRows = 0, timeout = STEP_TIMEOUT): Promise<ProblemRow[]> {
  await openProblems(page);
  const rows = page.locator(SELECTORS.problemsRow);
  const deadline = Date.now() + timeout;
  while ((await rows.count()) < minRows) {
    if (Date.now() > deadline) throw new Error(`Problems panel: fewer than ${minRows} rows after ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const out: ProblemRow[] = [];
  for (const row of await rows.all()) {
    const label = ((await row.getAttribute("aria-label")) ?? "").replace(/\u00a0/g, " ");
    const sev = /^(Error|Warning|Info):/.exec(label)?.[1].toLowerCase() as ProblemRow["severity"];
    out.push({
      severity: sev,
      label,
      text: ((await row.innerText()) ?? "").replace(/\u00a0/g, " ").replace(/\s+/g, " ").trim(),
    });
  }
  return out;
}

/** Saves a full-page screenshot to test-artifacts/screenshots/<name>.png (git-ignored) and returns the path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = join(REPO_ROOT, "test-artifacts/screenshots");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name.replace(/[^\w.-]+/g, "_")}.png`);
  await page.screenshot({ path: file });
  return file;
}
