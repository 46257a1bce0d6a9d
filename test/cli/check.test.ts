// `botflow check` end to end: the bundled CLI in a child process, run on the
// samples as a user would, checking exit codes and both output formats.

import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadFlowSamples } from "../../server/src/cli/sample-files";
import { analyze } from "../../server/src/core/analysis/document";
import { RULES } from "../../server/src/core/rules/index";

const REPO = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const VALID = ["create-ticket.flow", "crm-lookup.flow", "order-status.flow", "weather-lookup.flow"];

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function check(...args: string[]): Run {
  const r = spawnSync(process.execPath, ["bin/botflow.js", "check", ...args], { cwd: REPO, encoding: "utf8", timeout: 30_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonReport {
  file: string;
  diagnostics: { code: string; severity: string; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[];
}

describe("botflow check", function () {
  this.timeout(60_000);
  let tmp: string;

  before(() => {
    execFileSync(process.execPath, ["build.mjs"], { cwd: REPO, stdio: "inherit" });
    tmp = mkdtempSync(join(tmpdir(), "botflow-check-"));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it("exits 1 on the samples and prints broken.flow's diagnostics as FILE:LINE:COL: SEVERITY CODE: MESSAGE", async () => {
    const r = check("samples");
    assert.equal(r.status, 1, r.stderr);
    const lines = r.stdout.trimEnd().split("\n");
    const text = readFileSync(join(REPO, "samples", "broken.flow"), "utf8");
    // with the recorded samples next to it (samples/.botflow/samples/broken/), as check reads them
    const { diagnostics, lines: index } = analyze(text, undefined, { samples: await loadFlowSamples(join(REPO, "samples", "broken.flow")) });
    const expected = diagnostics.map((d) => {
      const p = index.positionAt(d.span.start);
      return `samples/broken.flow:${p.line + 1}:${p.character + 1}: ${d.severity} ${d.code}: ${d.message}`;
    });
    assert.deepEqual(lines, expected);
    for (const line of lines) assert.match(line, /^samples\/broken\.flow:\d+:\d+: (error|warning|information|hint) [a-z-]+: \S.*$/);
    assert.ok(lines.includes(`samples/broken.flow:15:16: error syntax: Unexpected '"twice"': a statement starts with a keyword such as say, ask, call, menu or goto`), lines[0]);
    assert.match(r.stderr, /^5 files checked, \d+ errors\n$/);
  });

  it("shows every diagnostic code of the language in broken.flow", () => {
    const codes = new Set(check("samples/broken.flow").stdout.split("\n").filter(Boolean).map((l) => / (error|warning|information|hint) ([a-z-]+):/.exec(l)![2]));
    assert.deepEqual(RULES.map((r) => r.code).filter((c) => !codes.has(c)), []);
  });

  it("exits 0 and prints nothing on stdout for the valid samples", () => {
    const r = check(...VALID.map((f) => `samples/${f}`));
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.equal(r.stdout, "");
    assert.equal(r.stderr, "4 files checked, 0 errors\n");
  });

  it("prints JSON with 0-based ranges, listing files without diagnostics too", () => {
    const r = check("--format", "json", "samples");
    assert.equal(r.status, 1);
    const reports = JSON.parse(r.stdout) as JsonReport[];
    assert.deepEqual(reports.map((x) => x.file), ["samples/broken.flow", ...VALID.map((f) => `samples/${f}`)]);
    for (const report of reports.slice(1)) assert.deepEqual(report.diagnostics, []);
    const broken = reports[0].diagnostics;
    assert.ok(broken.length >= 24);
    for (const d of broken) {
      assert.deepEqual(Object.keys(d).sort(), ["code", "message", "range", "severity"]);
      assert.deepEqual(Object.keys(d.range.start).sort(), ["character", "line"]);
    }
    const syntax = broken.find((d) => d.code === "syntax")!;
    assert.deepEqual(syntax.range, { start: { line: 14, character: 15 }, end: { line: 14, character: 22 } });
    assert.equal(syntax.severity, "error");
    assert.equal(r.stderr.includes("{"), false);
  });

  it("exits 0 with --format json on a valid file", () => {
    const r = check("-f", "json", "samples/order-status.flow");
    assert.equal(r.status, 0);
    assert.deepEqual(JSON.parse(r.stdout), [{ file: "samples/order-status.flow", diagnostics: [] }]);
  });

  it("exits 0 when there are only warnings and hints", () => {
    const file = join(tmp, "warn.flow");
    writeFileSync(file, `ask unused "?"\nend\nsay "never"\n`);
    const r = check(file);
    assert.equal(r.status, 0, r.stdout);
    assert.match(r.stdout, /warning unreachable/);
    assert.match(r.stdout, /hint unused-var/);
  });

  it("exits 2 with a one-line reason for a missing path", () => {
    const r = check("samples/nope.flow");
    assert.equal(r.status, 2);
    assert.equal(r.stdout, "");
    assert.match(r.stderr, /^botflow check: [^\n]*nope\.flow[^\n]*\n$/);
  });

  it("exits 2 with a one-line reason for an unreadable file, still checking the others", () => {
    const dir = join(tmp, "unreadable");
    mkdirSync(dir);
    symlinkSync(join(dir, "gone.txt"), join(dir, "dangling.flow"));
    writeFileSync(join(dir, "ok.flow"), `say "Hi"\n`);
    const r = check(dir);
    assert.equal(r.status, 2);
    const reasons = r.stderr.split("\n").filter((l) => l.startsWith("botflow check:"));
    assert.equal(reasons.length, 1, r.stderr);
    assert.match(reasons[0], /dangling\.flow/);
  });

  it("exits 2 on a bad --format, an unknown option or no path", () => {
    for (const args of [["--format", "xml", "samples"], ["--colour", "samples"], []]) {
      const r = check(...args);
      assert.equal(r.status, 2, args.join(" "));
      assert.equal(r.stdout, "");
      assert.match(r.stderr, /^botflow check: [^\n]+\n$/, args.join(" "));
    }
  });
});
