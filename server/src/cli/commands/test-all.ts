// `botflow test FILE... --all`: every call step of the files (or folders)
// named is sent with its test lines' values (secrets from the environment)
// and its response compared with its recorded sample (docs/samples.md,
// "Drift"). The judging is the core's (judgeStep); this wires files, the
// network and the output. Steps are sent one after another, each with its
// timeout: a drift run is bounded by steps × timeout and never floods an API.

import { resolve } from "node:path";
import { forEachStep, getFlowService, judgeStep, type CallStep, type FlowService, type ReadyPlan, type SampleLoad, type StepRun } from "../../core/index";
import { undiciHttp } from "../../runtime/node-runtime";
import { displayPath, flowFiles, loadCertificates, readText } from "../files";
import { filesOf, type CliIo } from "../io";
import { junitXml } from "../junit-report";
import { environmentSecrets } from "../run-secrets";
import { loadFlowSamples } from "../sample-files";
import { testAllExitCode } from "../test-all-exit";
import { fileLines, junitSuites, summaryLine, testAllJson, type FileOutcome, type StepOutcome } from "../test-all-report";
import type { AllOptions } from "../test-options";
import { recordStep } from "../test-record";

export async function testAllCommand(options: AllOptions, io: CliIo): Promise<number> {
  const usage = (message: string) => {
    io.stderr(`botflow test: ${message}\n`);
    return testAllExitCode([], { usage: true });
  };
  const files: string[] = [];
  try {
    for (const name of options.files) files.push(...(await flowFiles(filesOf(io), resolve(io.cwd, name))));
  } catch (error) {
    return usage((error as Error).message);
  }
  if (!files.length) return usage(`no .flow files in ${options.files.join(", ")}`);
  const certificates = await loadCertificates(io, options.caFiles);
  if (!certificates.ok) return usage(certificates.message);

  const core = getFlowService({ http: undiciHttp });
  const send = { resolveSecret: environmentSecrets(io.env), extraCaPem: certificates.value, ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}) };
  const outcomes: FileOutcome[] = [];
  let unreadable = false;
  for (const file of files) {
    const shown = displayPath(io.cwd, file);
    const read = await readText(io, file, shown);
    if (!read.ok) {
      io.stderr(`botflow test: ${read.message}\n`);
      unreadable = true;
      continue;
    }
    const text = read.value;
    const samples = await loadFlowSamples(file);
    const { document, diagnostics, lines } = core.analyze(text, { samples });
    const errors = diagnostics.filter((d) => d.severity === "error");
    const outcome: FileOutcome = { file: shown, lines, errors, steps: [] };
    if (!errors.length) {
      for (const step of callSteps(document.ast)) {
        const plan = core.testCall.plan(document, diagnostics, { step: step.name!.name });
        if (plan.ok) outcome.steps.push(await runStep(core, plan, samples.get(plan.name), send, options.record ? { flowFile: file, cwd: io.cwd } : undefined));
      }
    }
    outcomes.push(outcome);
    // lines as each file is done (a long run shows progress); --json prints one document at the end instead
    if (!options.json) for (const line of fileLines(outcome)) io.stdout(`${line}\n`);
  }

  const verdicts = outcomes.flatMap((o) => o.steps.map((s) => s.verdict));
  let code = testAllExitCode(verdicts, { usage: unreadable, fileErrors: outcomes.some((o) => o.errors.length > 0) });
  if (options.junit) {
    const target = resolve(io.cwd, options.junit);
    try {
      await filesOf(io).writeText(target, junitXml(junitSuites(outcomes), { timestamp: new Date() }));
    } catch (error) {
      io.stderr(`botflow test: cannot write ${displayPath(io.cwd, target)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
      code = testAllExitCode(verdicts, { usage: true });
    }
  }
  if (options.json) io.stdout(`${JSON.stringify(testAllJson(outcomes, code), null, 2)}\n`);
  io.stderr(`${summaryLine(outcomes)}\n`);
  return code;
}

async function runStep(
  core: FlowService,
  plan: ReadyPlan,
  existing: SampleLoad | undefined,
  send: Parameters<FlowService["testCall"]["send"]>[1],
  record: { flowFile: string; cwd: string } | undefined,
): Promise<StepOutcome> {
  const sent = await core.testCall.send(plan, send);
  const span = plan.step.name?.span ?? plan.step.keywordSpan;
  const run: StepRun = "last" in sent ? sent.run : { kind: "unsendable", reason: sent.report.error };
  const outcome: StepOutcome = { step: plan.name, span, verdict: judgeStep(plan.step, existing, run), ...(run.kind === "sent" ? { timeMs: run.timeMs } : {}) };
  if (record && "last" in sent) {
    const recorded = await recordStep(record.flowFile, plan.name, existing, sent.record);
    // shown relative to the working folder, as the flow files are
    outcome.recorded = recorded.ok ? { ok: true, file: displayPath(record.cwd, recorded.file) } : recorded;
  }
  return outcome;
}

/** Named call steps in document order (branches included). */
function callSteps(ast: Parameters<typeof forEachStep>[0]): CallStep[] {
  const steps: CallStep[] = [];
  forEachStep(ast, (step) => {
    if (step.kind === "call" && step.name) steps.push(step);
  });
  return steps;
}
