// The workbench as a person uses it, in headless Chromium against code-server:
// the Problems panel lists broken.flow's diagnostics; on a flow whose URL
// points at a loopback HTTPS server, clicking the "Run test call" lens, typing
// the missing test value, accepting to keep it, picking two fields and saving
// writes the save and test lines to the file on disk; the run records the
// response as the step's sample, whose value then shows in the hover on a save
// path and whose paths completion offers after `save NAME = `.
//
//   bash test/e2e/run-all.sh browser
// Screenshots: test-artifacts/screenshots/browser-*.png
import assert from "node:assert/strict";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { REPO_ROOT, installVsix, prepareRun } from "../code-server";
import { SELECTORS, STEP_TIMEOUT, openFile, readProblems, screenshot, startWorkbench, waitForLanguageStatus, waitForText, type WorkbenchSession } from "../workbench";
import { startHttpsServer, type TestServer } from "../../helpers/https-server";
import { testCertificate } from "../../helpers/certificates";

const TOKEN = `browser-token-${"Kp4".repeat(20)}`;
const ENV_NAME = "BOTFLOW_E2E_TOKEN";
const FLOW = "shop-test.flow";

/** Selectors of the quick input (input box and quick pick): workbench internals, kept here. */
const QUICK_INPUT = {
  widget: ".quick-input-widget",
  input: ".quick-input-widget .quick-input-box input",
  row: ".quick-input-widget .quick-input-list .monaco-list-row",
  ok: ".quick-input-widget .quick-input-action .monaco-button",
} as const;

/**
 * Opens broken.flow until its diagnostics show. Measured: now and then a fresh
 * window's extension host never starts (see run-extension-tests.ts); nothing
 * has happened yet then, so a reload is safe and the tests below stay strict.
 */
async function waitForLanguageServer(page: Page): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await openFile(page, "broken.flow");
      await readProblems(page, 8, 30_000);
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
      console.log(`browser: no diagnostics within 30 s (attempt ${attempt}); reloading the window`);
      await page.reload();
      await page.locator(SELECTORS.explorerView).waitFor({ timeout: STEP_TIMEOUT });
    }
  }
}

/**
 * The flow's "Run test call" lens. Measured once in CI (stop 19): the lens of a
 * freshly opened flow never drew in 60 s while the server answered everything
 * else; the same run passed locally again and again. Nothing has been clicked
 * yet then, so opening the file again (as a person would) is safe; the reopen
 * is logged so a pattern shows in CI output, and a second miss fails the test.
 */
async function runTestCallLens(page: Page, file: string) {
  const lens = page.locator(SELECTORS.codeLens).filter({ hasText: "Run test call" }).first();
  try {
    await lens.waitFor({ timeout: 30_000 });
  } catch {
    console.log(`browser: no "Run test call" lens on ${file} within 30 s; closing and opening the file again`);
    await screenshot(page, "browser-lens-missing").catch(() => undefined);
    // the tab's own close button: Ctrl+W may be the browser's
    await page.locator(SELECTORS.activeTab).locator(".tab-actions .action-label").first().click();
    await page.locator(SELECTORS.activeTab, { hasText: file }).waitFor({ state: "detached", timeout: STEP_TIMEOUT });
    await openFile(page, file);
    await lens.waitFor({ timeout: STEP_TIMEOUT });
  }
  return lens;
}

describe("browser: the workbench", function () {
  this.timeout(240_000);
  let folder: string;
  let server: TestServer;
  let session: WorkbenchSession;
  let page: Page;

  before(async () => {
    server = await startHttpsServer();
    server.respond = (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ order: { id: 1001, status: "shipped" }, items: [{ sku: "A1" }] }));
    };
    folder = mkdtempSync(join(tmpdir(), "botflow-browser-ws-"));
    cpSync(join(REPO_ROOT, "samples"), folder, { recursive: true });
    mkdirSync(join(folder, ".e2e"), { recursive: true });
    mkdirSync(join(folder, ".vscode"), { recursive: true });
    writeFileSync(join(folder, ".e2e/test-ca.pem"), (await testCertificate()).cert);
    writeFileSync(join(folder, ".vscode/settings.json"), JSON.stringify({ "botflow.testCall.caCertificates": [".e2e/test-ca.pem"] }, null, 2));
    writeFileSync(join(folder, FLOW), `flow "Browser test call"

connection shop {
  bearer env ${ENV_NAME}
}

ask order_number "What is your order number?"
call lookup "Look up order" {
  GET ${server.origin}/orders/{{order_number}}
  connection shop
  on success {
    say "ok"
  }
}
`);
    // code-server (and so the extension host) inherits this environment.
    process.env[ENV_NAME] = TOKEN;
    // BOTFLOW_E2E_VSIX: test the packaged extension installed into code-server,
    // as a user gets it; otherwise the repo folder in development mode.
    const vsix = process.env.BOTFLOW_E2E_VSIX;
    if (vsix) {
      const run = prepareRun();
      await installVsix(run, vsix);
      console.log(`      extension under test: ${vsix} (installed)`);
      session = await startWorkbench({ folder, run });
    } else {
      session = await startWorkbench({ folder, extensionDevelopmentPath: REPO_ROOT });
    }
    page = session.page;
    await waitForLanguageServer(page);
  });

  after(async () => {
    if (page) await screenshot(page, "browser-last").catch(() => undefined);
    await session?.close();
    await server?.close();
    delete process.env[ENV_NAME];
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it("lists broken.flow's diagnostics in the Problems panel", async () => {
    await openFile(page, "broken.flow");
    await waitForLanguageStatus(page, "Bot Flow");
    const rows = await readProblems(page, 8);
    await screenshot(page, "browser-problems");
    const markers = rows.filter((r) => r.severity);
    assert.ok(markers.length >= 7, `only ${markers.length} marker rows: ${rows.map((r) => r.label).join(" | ")}`);
    assert.ok(markers.some((r) => r.severity === "error"), "no error row");
    const text = markers.map((r) => `${r.label} ${r.text}`).join("\n");
    assert.match(text, /botflow\(syntax\)|syntax/);
    assert.match(text, /var-name|lowercase letters/);
    assert.ok(rows.some((r) => /broken\.flow/.test(r.text)), "no file row for broken.flow");
  });

  it("runs a test call from the lens and saves the chosen fields into the file", async () => {
    await openFile(page, FLOW);
    await waitForLanguageStatus(page, "Bot Flow");
    const lens = await runTestCallLens(page, FLOW);
    await screenshot(page, "browser-lens");
    await lens.click();

    // The missing test value.
    const input = page.locator(QUICK_INPUT.input);
    await input.waitFor({ state: "visible", timeout: STEP_TIMEOUT });
    await waitForText(page.locator(QUICK_INPUT.widget), /\{\{order_number\}\}/);
    await input.fill("1001");
    await screenshot(page, "browser-input");
    await input.press("Enter");

    // Keep it as a test line.
    const keep = page.locator(SELECTORS.notificationToast).getByRole("button", { name: "Write test lines" });
    await keep.waitFor({ timeout: STEP_TIMEOUT });
    await screenshot(page, "browser-response");
    await keep.click();

    // Pick two fields.
    const rows = page.locator(QUICK_INPUT.row);
    await rows.filter({ hasText: "items[0].sku" }).first().waitFor({ timeout: STEP_TIMEOUT });
    await rows.filter({ hasText: "order.id" }).first().click();
    await rows.filter({ hasText: "items[0].sku" }).first().click();
    await screenshot(page, "browser-fields");
    await page.locator(QUICK_INPUT.input).press("Enter");
    await page.locator(QUICK_INPUT.widget).waitFor({ state: "hidden", timeout: STEP_TIMEOUT });

    // Save: focus the flow's editor and press Ctrl+S, as a person would.
    await page.locator(".tab", { hasText: FLOW }).first().click();
    await waitForText(page.locator(SELECTORS.activeTab).locator(".label-name"), FLOW);
    await page.locator(".monaco-editor .view-lines").first().click();
    await page.keyboard.press("Control+s");
    const file = join(folder, FLOW);
    const deadline = Date.now() + STEP_TIMEOUT;
    let text = readFileSync(file, "utf8");
    while (!text.includes("save sku = items[0].sku") && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      text = readFileSync(file, "utf8");
    }
    await screenshot(page, "browser-saved");
    assert.ok(
      text.includes('  connection shop\n  save id = order.id\n  save sku = items[0].sku\n  test order_number = "1001"\n  on success {'),
      `unexpected file on disk:\n${text}`,
    );
    assert.equal(server.requests.length, 1);
    assert.equal(server.requests[0].target, "/orders/1001");
    // The lens shows the last result.
    await waitForText(page.locator(SELECTORS.codeLens).first(), /^Run test call · 200 OK · \d+ ms$/);
    assert.deepEqual([...session.blocked], []);
  });

  it("shows the recorded sample on the lens, in the hover on a save path, and its paths after `save NAME = `", async () => {
    // botflow.samples.record is on by default: the run above kept the response.
    const recorded = readFileSync(join(folder, ".botflow/samples/shop-test/lookup.json"), "utf8");
    assert.deepEqual(JSON.parse(recorded).body, { order: { id: 1001, status: "shipped" }, items: [{ sku: "A1" }] });
    assert.ok(!recorded.includes(TOKEN), "the token is in the sample");
    // A second flow with that sample and no run in this session: what the editor shows comes from the file alone.
    mkdirSync(join(folder, ".botflow/samples/shop-sample"), { recursive: true });
    writeFileSync(join(folder, ".botflow/samples/shop-sample/lookup.json"), recorded);
    writeFileSync(join(folder, "shop-sample.flow"), readFileSync(join(folder, FLOW), "utf8"));
    await openFile(page, "shop-sample.flow");
    await waitForText(page.locator(SELECTORS.codeLens).first(), /^Run test call · 200 OK · recorded (just now|1 minute ago)$/);
    const editor = page.locator(".monaco-editor .view-lines").first();
    await editor.click();
    const goToLine = async (line: number) => {
      await page.keyboard.press("Control+g");
      await page.keyboard.type(String(line));
      await page.keyboard.press("Enter");
    };
    // line 11: `  save id = order.id`; the cursor at its end is on the path
    await goToLine(11);
    await page.keyboard.press("End");
    await page.keyboard.press("Control+k");
    await page.keyboard.press("Control+i");
    const hover = page.locator(".monaco-hover:visible").first();
    await waitForText(hover, /Recorded sample: 1001 \(number\) · recorded (just now|1 minute ago)/);
    // the hover fades in: let it settle before the picture
    await page.waitForTimeout(400);
    await screenshot(page, "browser-sample-hover");
    await page.keyboard.press("Escape");

    await page.keyboard.press("End");
    await page.keyboard.press("Enter");
    await page.keyboard.type("save state = ");
    await page.keyboard.press("Control+Space");
    const suggest = page.locator(".suggest-widget:visible").first();
    await waitForText(suggest, /order\.status/);
    await page.waitForTimeout(400);
    await screenshot(page, "browser-sample-completion");
    await page.keyboard.press("Escape");
  });
});
