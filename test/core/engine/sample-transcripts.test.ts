// Every sample flow, played from stored answers and mock responses, must
// produce the stored transcript: a regression test of each flow's behaviour
// (and of the engine). A sample with errors must be refused instead. See
// fixtures/README.md for the layout and how to update the snapshots.

import { strict as assert } from "node:assert";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { runCommand } from "../../../server/src/cli/commands/run";
import type { CliIo } from "../../../server/src/cli/io";
import { exitCodeOf } from "../../../server/src/cli/run-exit";
import { analyze } from "../../../server/src/core/analyze";
import type { RunOutcome } from "../../../server/src/core/engine/run-flow";

const REPO = resolve(import.meta.dirname, "../../..");
const SAMPLES = join(REPO, "samples");
const FIXTURES = join(import.meta.dirname, "fixtures");
const UPDATE = process.env.BOTFLOW_UPDATE_TRANSCRIPTS === "1";

const samples = readdirSync(SAMPLES).filter((f) => f.endsWith(".flow")).sort();
const subfolders = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => statSync(join(dir, f)).isDirectory()).sort() : []);

interface Played {
  code: number;
  stdout: string;
  stderr: string;
  transcript?: string;
}

async function runIn(cwd: string, argv: string[]): Promise<Played> {
  let stdout = "";
  let stderr = "";
  // No secrets at all: a call a scenario forgot to mock fails to build instead of going out.
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd, env: {}, isTty: false };
  const code = await runCommand(argv, io);
  return { code, stdout, stderr };
}

describe("sample transcripts", () => {
  let out: string;
  before(async () => {
    out = await mkdtemp(join(tmpdir(), "botflow-transcripts-"));
  });
  after(() => rm(out, { recursive: true, force: true }));

  it("has fixtures only for samples that exist", () => {
    for (const name of subfolders(FIXTURES)) assert.ok(samples.includes(`${name}.flow`), `fixtures/${name} has no samples/${name}.flow`);
  });

  for (const sample of samples) {
    const name = basename(sample, ".flow");
    const path = join(SAMPLES, sample);
    const hasErrors = analyze(readFileSync(path, "utf8")).diagnostics.some((d) => d.severity === "error");

    if (hasErrors) {
      it(`${name}: refused, since it has errors`, async () => {
        const played = await runIn(REPO, [path, "--answers", "/dev/null"]);
        assert.equal(played.code, 1);
        assert.equal(played.stdout, "");
        assert.match(played.stderr, new RegExp(`^samples/${name}\\.flow:\\d+:\\d+: error `));
      });
      continue;
    }

    describe(name, () => {
      const scenarios = subfolders(join(FIXTURES, name));
      it("has at least one scenario", () => {
        assert.ok(scenarios.length, `add test/core/engine/fixtures/${name}/<scenario>/ (see fixtures/README.md)`);
      });

      for (const scenario of scenarios) {
        it(scenario, async () => {
          const dir = join(FIXTURES, name, scenario);
          const files = readdirSync(dir);
          const transcriptFile = join(out, `${name}-${scenario}.json`);
          const argv = [path, "--answers", "answers.json", "--transcript", transcriptFile];
          for (const file of files) {
            const step = /^mock\.(.+)\.json$/.exec(file)?.[1];
            if (step) argv.push("--mock", `${step}=${file}`);
          }
          if (files.includes("args.json")) argv.push(...(JSON.parse(readFileSync(join(dir, "args.json"), "utf8")) as string[]));

          const played = await runIn(dir, argv);
          const actual = await readFile(transcriptFile, "utf8");
          const expectedFile = join(dir, "transcript.json");
          if (UPDATE) await writeFile(expectedFile, actual);
          assert.ok(existsSync(expectedFile), `no ${name}/${scenario}/transcript.json yet: create it with BOTFLOW_UPDATE_TRANSCRIPTS=1 and review it`);
          assert.ok(!played.stdout.includes("  → ") && !actual.includes("not sent:"), "every call the scenario reaches needs a mock file");
          assert.deepEqual(JSON.parse(actual), JSON.parse(await readFile(expectedFile, "utf8")), `transcript of ${name}/${scenario} changed (stdout below)\n${played.stdout}`);
          const { outcome } = JSON.parse(actual) as { outcome: RunOutcome };
          assert.equal(played.code, exitCodeOf(outcome), played.stderr);
        });
      }
    });
  }
});
