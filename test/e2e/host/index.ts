// The tests module VS Code loads inside the extension host (the workbench's
// `extensionTestsPath`). VS Code calls run() once the window is up and turns
// its outcome into codeAutomationExit(0 | 1) for the launcher.
//
// Built to CommonJS by test/e2e/build-host.mjs into out/e2e-host/, next to the
// compiled *.e2e.js test files (not *.test.js: see build-host.mjs). mocha is
// NOT bundled: it is required at run time from the repo's node_modules (Node
// walks up from out/e2e-host/, so the compiled suite must stay inside the
// repo). Mocha 12 is an ES module, loaded here through require(esm), which
// Node 20.19+ does by default (code-server runs its extension host on the
// same Node as the launcher).
import * as fs from "node:fs";
import * as path from "node:path";
import { format } from "node:util";
import * as vscode from "vscode";

type MochaCtor = typeof import("mocha");

/**
 * The launcher (run-extension-tests.ts) reloads the window when it sees
 * NOT_READY, or no STARTED within its start timeout: measured, a window now and
 * then starts without the extension under test (the workbench read a cache file
 * while it was being written) or with an extension host that never starts.
 */
const STARTED = "e2e-host: run() started";
const NOT_READY = "e2e-host: extension under test not loaded";

export async function run(): Promise<void> {
  const id = extensionUnderTest();
  const deadline = Date.now() + 20_000;
  while (id && !vscode.extensions.getExtension(id)) {
    if (Date.now() > deadline) {
      console.log(`${NOT_READY}: ${id}`);
      // Never settles: the launcher reloads the window, which ends this host.
      return new Promise<void>(() => undefined);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  console.log(STARTED);
  return runMocha();
}

/** `publisher.name` from the repo's package.json (this module is built into <repo>/out/e2e-host/). */
function extensionUnderTest(): string | undefined {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../package.json"), "utf8")) as { publisher?: string; name?: string };
    return manifest.publisher && manifest.name ? `${manifest.publisher}.${manifest.name}` : undefined;
  } catch {
    return undefined;
  }
}

function runMocha(): Promise<void> {
  // require(esm) hands back the module namespace; the constructor is its default.
  const m = require("mocha") as MochaCtor | { default: MochaCtor };
  const Mocha = "default" in m ? m.default : m;
  // Reporters log printf-style (console.log("%d passing", 2)); the extension
  // host forwards the raw arguments, so the launcher would see "%d passing,2".
  // Format here, once, so every reporter line arrives readable.
  (Mocha.reporters.Base as unknown as { consoleLog: (...a: unknown[]) => void }).consoleLog = (...a) =>
    console.log(format(...a));
  const mocha = new Mocha({
    ui: "bdd",
    // The reporter writes through console.log, which the extension host
    // forwards to the workbench, which hands it to codeAutomationLog.
    reporter: "spec",
    color: false,
    // A real window: activation, language server start-up and UI round trips
    // take seconds on 2 shared cores.
    timeout: 30_000,
  });

  const dir = __dirname;
  for (const f of fs.readdirSync(dir).sort()) {
    if (f.endsWith(".e2e.js")) mocha.addFile(path.join(dir, f));
  }

  return new Promise<void>((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const passed = runner.stats?.passes ?? 0;
        const failed = runner.stats?.failures ?? failures;
        // The launcher parses exactly this line (the last one it sees).
        console.log(`${passed} passed, ${failed} failed`);
        if (failed > 0) reject(new Error(`${failed} extension-host test(s) failed`));
        else resolve();
      });
      // Say why a test failed as it fails: if the window dies or hangs later, the
      // reporter's summary (where mocha puts the reasons) never arrives.
      runner.on("fail", (test: { fullTitle(): string }, err: Error) => {
        console.log(`e2e-host: FAILED ${test.fullTitle()}: ${err.stack ?? err.message}`);
      });
    } catch (err) {
      // A test file that throws while loading lands here.
      console.error(err);
      console.log("0 passed, 1 failed");
      reject(err);
    }
  });
}
