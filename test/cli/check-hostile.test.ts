// `botflow check --format json` on hostile files: 100,000 nested brackets, a
// call block of 5,000 `x{{`, a 100,000-character line, NUL bytes and invalid
// UTF-8. The built CLI always prints its report (a JSON array), exits 0 or 1,
// and prints no stack trace.

import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const REPO = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

const HOSTILE: [string, string | Buffer][] = [
  ["deep-brackets.flow", `call a {\n  POST https://api.example.com/a\n  body ${"[".repeat(100_000)}\n}\n`],
  ["deep-braces.flow", `${"{".repeat(100_000)}\n`],
  ["x-curlies.flow", `call a {\n  GET https://api.example.com/a\n${"  x{{\n".repeat(5000)}}\n`],
  ["curlies.flow", `say "${"{{".repeat(50_000)}"\ncall a {\n  GET https://api.example.com/${"{{".repeat(20_000)}\n}\n`],
  ["long-line.flow", `say "hi" ${"a".repeat(100_000)}\n`],
  ["deep-blocks.flow", `menu m "?" {\n${"  option \"a\" {\n    menu n \"?\" {\n".repeat(2000)}`],
  ["nul.flow", `say "a\u0000b"\n\u0000\u0000 call\u0000 {\n`],
  ["invalid-utf8.flow", Buffer.from([0x73, 0x61, 0x79, 0x20, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x0a, 0xed, 0xa0, 0x80, 0x0a])],
];

describe("botflow check on hostile files", function () {
  this.timeout(120_000);
  let tmp: string;

  before(() => {
    execFileSync(process.execPath, ["build.mjs"], { cwd: REPO, stdio: "inherit" });
    tmp = mkdtempSync(join(tmpdir(), "botflow-hostile-"));
    for (const [name, content] of HOSTILE) writeFileSync(join(tmp, name), content);
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  for (const [name] of HOSTILE) {
    it(`prints its JSON report for ${name}, without a stack trace`, () => {
      const r = spawnSync(process.execPath, ["bin/botflow.js", "check", "--format", "json", join(tmp, name)], { cwd: REPO, encoding: "utf8", timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
      assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr.slice(0, 300)}`);
      assert.equal(r.stderr, "");
      const report = JSON.parse(r.stdout) as { file: string; diagnostics: { code: string }[] }[];
      assert.equal(report.length, 1);
      assert.ok(report[0].diagnostics.every((d) => d.code !== "internal"), "the core failed on the file");
    });
  }
});
