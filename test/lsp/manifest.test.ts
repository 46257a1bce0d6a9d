// The extension manifest (package.json) against what the code expects: the
// language, grammar and configuration it contributes, the commands, and
// activation on the language only.

import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { COMMANDS, DEFAULT_SETTINGS, LANGUAGE_ID } from "../../server/src/protocol";
import { ROOT } from "../helpers/lsp-client";

interface Manifest {
  main: string;
  activationEvents: string[];
  contributes: {
    languages: { id: string; aliases: string[]; extensions: string[]; configuration: string }[];
    grammars: { language: string; scopeName: string; path: string }[];
    commands: { command: string; title: string; category: string }[];
    configuration: { properties: Record<string, { default: unknown }> };
  };
}

const manifest = JSON.parse(readFileSync(resolve(ROOT, "package.json"), "utf8")) as Manifest;

describe("client: the extension manifest", () => {
  it("activates on the language only, from the bundled client", () => {
    assert.deepEqual(manifest.activationEvents, [`onLanguage:${LANGUAGE_ID}`]);
    assert.equal(manifest.main, "./dist/client.js");
  });

  it("contributes the language, its configuration and its grammar", () => {
    const [language] = manifest.contributes.languages;
    assert.equal(language.id, LANGUAGE_ID);
    assert.ok(language.aliases.includes("Bot Flow"));
    assert.deepEqual(language.extensions, [".flow"]);
    const [grammar] = manifest.contributes.grammars;
    assert.deepEqual([grammar.language, grammar.scopeName], [LANGUAGE_ID, "source.botflow"]);
    for (const file of [language.configuration, grammar.path]) assert.ok(existsSync(resolve(ROOT, file)), `${file} is missing`);
  });

  it("contributes the four commands under the Bot Flow category", () => {
    assert.deepEqual(manifest.contributes.commands.map((c) => [c.command, `${c.category}: ${c.title}`]), [
      [COMMANDS.runTestCall, "Bot Flow: Run test call"],
      [COMMANDS.setConnectionSecret, "Bot Flow: Set connection secret"],
      [COMMANDS.runFlow, "Bot Flow: Run this flow"],
      [COMMANDS.showDiagram, "Bot Flow: Show diagram"],
    ]);
  });

  it("offers Show diagram in the palette and the title bar of a .flow editor", () => {
    const menus = (manifest.contributes as unknown as { menus: Record<string, { command: string; when: string; group?: string }[]> }).menus;
    assert.deepEqual(menus.commandPalette.find((m) => m.command === COMMANDS.showDiagram), { command: COMMANDS.showDiagram, when: "editorLangId == botflow" });
    assert.deepEqual(menus["editor/title"], [{ command: COMMANDS.showDiagram, when: "resourceLangId == botflow", group: "navigation" }]);
  });

  it("contributes the settings with the defaults the code uses", () => {
    const p = manifest.contributes.configuration.properties;
    assert.equal(p["botflow.trace.server"].default, DEFAULT_SETTINGS.trace.server);
    assert.equal(p["botflow.testCall.timeoutMs"].default, DEFAULT_SETTINGS.testCall.timeoutMs);
    assert.deepEqual(p["botflow.testCall.caCertificates"].default, DEFAULT_SETTINGS.testCall.caCertificates);
    assert.equal(p["botflow.diagnostics.debounceMs"].default, DEFAULT_SETTINGS.diagnostics.debounceMs);
    // VS Code records by default; a client that sends no settings gets no files written unasked
    assert.equal(p["botflow.samples.record"].default, true);
    assert.equal(DEFAULT_SETTINGS.samples.record, false);
  });
});
