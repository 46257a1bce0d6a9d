// The diagram webview's page in headless Chromium, outside VS Code: the
// bundled dist/diagram-webview.js and .css with a stand-in for the webview
// API that records what the page posts. The bench times drawing with it and
// the docs' screenshot is taken with it; the e2e suites test the real webview.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { DIAGRAM_BODY } from "../client/src/diagram/diagram-body";
import { CHROMIUM } from "../test/helpers/chromium";

// The repo the bench runs in (bench/all.sh runs from its root). Not derived from
// this file: bench/run.mjs runs a bundle under .cache/, which may be a link to another checkout's.
const ROOT = process.cwd();
// Loaded from the repo, not bundled: playwright-core does not survive bundling.
const { chromium } = createRequire(join(ROOT, "package.json"))("playwright-core") as typeof import("playwright-core");

export interface DiagramPage {
  browser: Browser;
  page: Page;
  /** posts a message to the page and resolves when it reports `rendered` */
  draw(message: unknown): Promise<{ ms: number; ids: string[] }>;
  close(): Promise<void>;
}

export async function openDiagramPage(theme: "dark" | "light" = "dark", size = { width: 1100, height: 800 }): Promise<DiagramPage> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
  const page = await browser.newPage({ viewport: size });
  page.on("pageerror", (error) => console.error(`diagram page: ${error.message}`));
  // A few of VS Code's theme variables, so the page looks as in the editor.
  const vars = theme === "dark"
    ? "--vscode-editor-background:#1e1e1e;--vscode-editor-foreground:#d4d4d4;--vscode-editorWidget-background:#252526;--vscode-editorWidget-border:#6b6b6b;--vscode-textLink-foreground:#3794ff;--vscode-focusBorder:#007fd4;--vscode-editorLineNumber-foreground:#858585;--vscode-editor-selectionBackground:#264f78;--vscode-button-secondaryBackground:#3a3d41;--vscode-button-secondaryForeground:#ffffff;--vscode-font-family:sans-serif"
    : "--vscode-editor-background:#ffffff;--vscode-editor-foreground:#333333;--vscode-editorWidget-background:#f3f3f3;--vscode-editorWidget-border:#c8c8c8;--vscode-textLink-foreground:#006ab1;--vscode-focusBorder:#0090f1;--vscode-editorLineNumber-foreground:#6e7681;--vscode-editor-selectionBackground:#add6ff;--vscode-button-secondaryBackground:#e5e5e5;--vscode-button-secondaryForeground:#333333;--vscode-font-family:sans-serif";
  const css = readFileSync(join(ROOT, "dist/diagram-webview.css"), "utf8");
  const script = readFileSync(join(ROOT, "dist/diagram-webview.js"), "utf8");
  await page.setContent(`<!DOCTYPE html><html><head><style>html{${vars}}${css}</style></head><body>${DIAGRAM_BODY}</body></html>`);
  // Scripts as text: functions would be serialised with the tsx loader's helpers in them.
  await page.evaluate(`(() => {
    window.posted = [];
    let state;
    window.acquireVsCodeApi = () => ({ postMessage: (m) => { window.posted.push(m); window.onPosted?.(m); }, getState: () => state, setState: (s) => (state = s) });
  })()`);
  await page.addScriptTag({ content: script });
  const draw = async (message: unknown) => {
    // Resolves on the page's own "rendered" message, with no polling.
    return page.evaluate<{ ms: number; ids: string[] }>(`new Promise((resolve) => {
      window.onPosted = (m) => { if (m.type === "rendered") resolve(m); };
      window.postMessage(${JSON.stringify(message)}, "*");
    })`);
  };
  return { browser, page, draw, close: () => browser.close() };
}
