// `botflow run FILE [options]`: talk to a flow in the terminal, or play it
// from a list of answers in CI and write the transcript. The conversation
// itself is the core engine's; this command only wires files, stdin, the
// HTTP runner and mocks to it, and prints the turns.

import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { analyze } from "../../core/analysis/document";
import { defaultSystemValues } from "../../core/engine/system-defaults";
import { withMocks } from "../../core/engine/mock-response";
import { runnerCallPerformer } from "../../core/engine/runner-call-performer";
import { samplesCallPerformer } from "../../core/engine/sample-call-performer";
import { runFlow, type RunOutcome } from "../../core/engine/run-flow";
import { transcriptTurn, type Turn } from "../../core/engine/turns";
import { findCallStep } from "../../core/request/prepare-test-request";
import { textLine, toJsonDiagnostic } from "../format";
import { EXIT, type CliIo } from "../io";
import { lineAnswers, listAnswers, type Answers } from "../run-answers";
import { exitCodeOf, RUN_EXIT } from "../run-exit";
import { loadAnswers, loadMocks } from "../run-inputs";
import { displayPath, loadCertificates, readText } from "../files";
import { parseRunArgs, type RunOptions } from "../run-options";
import { formatTurn } from "../run-printer";
import { environmentSecrets } from "../run-secrets";
import { loadRunSamples } from "../run-samples";

const HELP = `Usage: botflow run FILE [options]

Plays a flow: prints the bot's messages, asks you its questions, performs its
calls and follows their branches.

Options:
  --answers FILE.json     answers to give, in order (a JSON array of strings): no typing, for CI
  --transcript OUT.json   write the conversation's turns to OUT.json
  --var NAME=VALUE        start with a variable set (repeatable)
  --system NAME=VALUE     set a system variable, e.g. customer.name=Ada (repeatable)
  --mock STEP=FILE.json   answer call STEP from FILE.json instead of the network (repeatable)
  --samples               answer every call from its recorded sample (.botflow/samples/), no network
  --max-steps N           stop after N steps (default 1000): a goto loop ends here
  --timeout MS            each call's timeout in milliseconds (default 10000)
  --ca FILE.pem           also trust this CA certificate for calls (repeatable)

Secrets come from the environment: "env NAME" reads $NAME, "secret \\"key\\"" reads $KEY.
Exit status: 0 the conversation ended (end, handoff or the last step), 1 the file
has errors, 2 usage error or unreadable file, 4 the answers ran out, 5 the step
limit was hit. See docs/cli-run.md.
`;

export async function runCommand(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseRunArgs(argv);
  if (!parsed.ok) return usage(io, parsed.message);
  const options = parsed.options;
  if (options.help) {
    io.stdout(HELP);
    return EXIT.ok;
  }

  const shown = displayPath(io.cwd, options.file);
  const source = await readText(io.cwd, options.file);
  if (!source.ok) return usage(io, source.message);
  const { ast, diagnostics, lines } = analyze(source.value);
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (errors.length) {
    for (const d of errors) io.stderr(`${textLine(shown, toJsonDiagnostic(d, lines))}\n`);
    io.stderr(`botflow run: ${shown} has ${errors.length} error${errors.length === 1 ? "" : "s"}; fix ${errors.length === 1 ? "it" : "them"} before running the flow\n`);
    return EXIT.errors;
  }

  for (const step of options.mocks.keys()) {
    if (!findCallStep(ast, step)) return usage(io, `--mock ${step}: ${shown} has no call step named ${step}`);
  }
  const mocks = await loadMocks(io.cwd, options.mocks);
  if (!mocks.ok) return usage(io, mocks.message);
  const samples = options.samples ? await loadRunSamples(resolve(io.cwd, options.file), ast) : undefined;
  if (samples && !samples.ok) return usage(io, samples.message);
  const certificates = await loadCertificates(io.cwd, options.caFiles);
  if (!certificates.ok) return usage(io, certificates.message);

  let answers: Answers;
  if (options.answersFile !== undefined) {
    const list = await loadAnswers(io.cwd, options.answersFile);
    if (!list.ok) return usage(io, list.message);
    answers = listAnswers(list.value, io.stdout);
  } else if (io.stdin) {
    answers = lineAnswers(io.stdin, io.stdout);
  } else {
    return usage(io, "no input to answer from: give --answers FILE.json");
  }
  // Answers from a file or a pipe are not echoed by any terminal: print them so the output reads as a conversation.
  const echoAnswers = options.answersFile !== undefined || !isTerminal(io.stdin);

  const values = defaultSystemValues();
  for (const [name, value] of [...options.system, ...options.vars]) values.set(name, value);
  const network = runnerCallPerformer({
    file: ast,
    resolveSecret: environmentSecrets(io.env),
    call: { ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}), ...(certificates.value.length ? { extraCaPem: certificates.value } : {}) },
  });

  const turns: Turn[] = [];
  let outcome: RunOutcome;
  try {
    ({ outcome } = await runFlow({
      file: ast,
      values,
      answer: answers.answer,
      performCall: withMocks(mocks.value, samples ? samplesCallPerformer(samples.value) : network),
      onTurn: (turn) => {
        turns.push(turn);
        io.stdout(formatTurn(turn, { echoAnswers }));
      },
      maxSteps: options.maxSteps,
    }));
  } finally {
    answers.close();
  }

  if (options.transcriptFile !== undefined) {
    const written = await writeTranscript(io.cwd, options.transcriptFile, outcome, turns);
    if (!written.ok) {
      io.stderr(`botflow run: ${written.message}\n`);
      return EXIT.usage;
    }
  }
  reportStop(io, outcome, options, answers);
  return exitCodeOf(outcome);
}

/** Why a run stopped before the conversation's end, on stderr, with what to do about it. */
function reportStop(io: CliIo, outcome: RunOutcome, options: RunOptions, answers: Answers): void {
  if (outcome === "no-answer") {
    io.stderr(options.answersFile !== undefined
      ? `botflow run: the answers ran out: ${options.answersFile} has ${answers.used()} answer${answers.used() === 1 ? "" : "s"} and the flow asked for another (exit ${RUN_EXIT.noAnswer})\n`
      : `botflow run: the input ended while the flow was waiting for an answer (exit ${RUN_EXIT.noAnswer})\n`);
  } else if (outcome === "step-limit") {
    io.stderr(`botflow run: stopped after ${options.maxSteps} steps, probably a goto loop; raise the limit with --max-steps if the flow is meant to run longer (exit ${RUN_EXIT.stepLimit})\n`);
  }
}

async function writeTranscript(cwd: string, file: string, outcome: RunOutcome, turns: readonly Turn[]): Promise<{ ok: true } | { ok: false; message: string }> {
  const transcript = { outcome, turns: turns.map(transcriptTurn) };
  try {
    await writeFile(resolve(cwd, file), `${JSON.stringify(transcript, null, 2)}\n`, "utf8");
    return { ok: true };
  } catch (error) {
    return { ok: false, message: `cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
  }
}

function isTerminal(stream: NodeJS.ReadableStream | undefined): boolean {
  return Boolean(stream && "isTTY" in stream && stream.isTTY);
}

function usage(io: CliIo, message: string): number {
  io.stderr(`botflow run: ${message}\n`);
  return EXIT.usage;
}
