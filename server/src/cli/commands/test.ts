// `botflow test FILE STEP`: runs one call step's request for real (the
// editor's "Run test call" from a terminal), prints it and the response with
// secrets redacted, lists the response's fields, and with --insert writes the
// chosen `save` lines into FILE, the same edit the editor makes.
// With --record the response is kept as the step's sample
// (.botflow/samples/, docs/samples.md); with --all every call step of the
// files named is sent and compared with its sample (test-all.ts).
// Exit: 0 success branch, 3 failure branch, 1 the step cannot be sent (or
// the insertion failed), 2 usage error.

import { resolve } from "node:path";
import { analyze, getFlowService, type LineIndex, type RequestProblem, type Span } from "../../core/index";
import { undiciHttp } from "../../runtime/node-runtime";
import { displayPath, loadCertificates } from "../files";
import { fieldRows, testCallJson, testCallText } from "../format-test-call";
import { EXIT, filesOf, type CliIo } from "../io";
import { environmentSecrets } from "../run-secrets";
import { insertSaves } from "../test-insert";
import { isAll, readOptions, type Options } from "../test-options";
import { loadFlowSamples } from "../sample-files";
import { recordStep } from "../test-record";
import { testAllCommand } from "./test-all";

const HELP = `Usage: botflow test FILE STEP [options]
       botflow test FILE... --all [--record] [--json] [--junit OUT.xml]

Sends the request of the call step STEP for real, with its test values, and
lists the response's fields.

Options:
  --var NAME=VALUE   a test value (repeatable); wins over the step's test lines
  --timeout MS       give up after MS milliseconds (default 10000)
  --ca FILE          also trust the PEM certificate(s) in FILE (repeatable)
  --json             print one JSON document instead of the report
  --insert PATH      add a save line for the field PATH to STEP in FILE (repeatable)
  --insert-all       add save lines for every value field not saved yet
  --record           keep the response as the step's sample
                     (.botflow/samples/FLOW/STEP.json, secrets masked)
  --all              send every call step of the files (or folders) named,
                     with its test lines' values, and compare each response
                     with its sample (API drift); --record refreshes them
  --junit OUT.xml    with --all: also write a JUnit XML report

Secrets: "env NAME" reads $NAME; secret "key" reads $KEY (the key upper-cased).
Exit status: 0 success branch, 3 failure branch, 1 the step cannot be sent,
2 usage error. With --all: 0 every sent step matches its sample, 1 a flow
file has errors, 2 usage error or unreadable file, 3 a failure branch, 4
drift (or an unusable sample file); skipped steps do not fail the run.
`;

export async function testCommand(argv: string[], io: CliIo): Promise<number> {
  const usage = (message: string) => {
    io.stderr(`botflow test: ${message}\n`);
    return EXIT.usage;
  };
  let options: Options;
  try {
    const parsed = readOptions(argv);
    if (parsed === "help") {
      io.stdout(HELP);
      return EXIT.ok;
    }
    if (isAll(parsed)) return testAllCommand(parsed, io);
    options = parsed;
  } catch (error) {
    return usage((error as Error).message);
  }

  const path = resolve(io.cwd, options.file);
  const shown = displayPath(io.cwd, path);
  let text: string;
  try {
    text = await filesOf(io).readText(path);
  } catch (error) {
    return usage(`cannot read ${shown}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const certificates = await loadCertificates(io, options.caFiles);
  if (!certificates.ok) return usage(certificates.message);
  const extraCaPem = certificates.value;

  const core = getFlowService({ http: undiciHttp });
  const { document, diagnostics, lines } = analyze(text);
  const plan = core.testCall.plan(document, diagnostics, { step: options.step });
  if (!plan.ok) {
    return usage(`${shown} has no call step named ${options.step}${plan.stepNames.length ? ` (call steps: ${plan.stepNames.join(", ")})` : ""}`);
  }

  const sent = await core.testCall.send(plan, { values: options.vars, resolveSecret: environmentSecrets(io.env), timeoutMs: options.timeoutMs, extraCaPem });
  if (!("last" in sent)) {
    if (sent.blocking.length) {
      for (const d of sent.blocking) io.stderr(`${location(shown, lines, d.span)}: error ${d.code}: ${d.message}\n`);
      io.stderr(`botflow test: ${options.step} cannot be sent until ${sent.blocking.length === 1 ? "this error is" : "these errors are"} fixed\n`);
    } else {
      for (const p of sent.problems) io.stderr(`${location(shown, lines, p.span)}: ${cliMessage(p)}\n`);
      io.stderr(`botflow test: ${options.step} cannot be sent\n`);
    }
    return EXIT.errors;
  }
  const { report } = sent;
  const suggestions = core.testCall.saveSuggestions(document.ast, plan.step, sent.last.run?.fields ?? []);
  const rows = fieldRows(suggestions);

  let inserted: string[] = [];
  let insertFailure: string | undefined;
  if (options.insert.length || options.insertAll) {
    const outcome = await insertSaves(core.testCall, filesOf(io), options, suggestions, report, text, plan, path);
    if (typeof outcome === "string") insertFailure = outcome;
    else inserted = outcome;
  }

  const recorded = options.record ? await recordStep(path, plan.name, (await loadFlowSamples(path)).get(plan.name), sent.record) : undefined;

  if (options.json)
    io.stdout(
      `${JSON.stringify({ ...testCallJson(report, rows, inserted), ...(recorded ? { sample: recorded.ok ? { recorded: displayPath(io.cwd, recorded.file) } : { notRecorded: recorded.reason } } : {}) }, null, 2)}\n`,
    );
  else {
    io.stdout(testCallText(report, rows));
    if (inserted.length) io.stdout(`\nInserted into ${shown}:\n${inserted.map((l) => `  ${l}`).join("\n")}\n`);
    if (recorded?.ok) io.stdout(`\nSample recorded: ${displayPath(io.cwd, recorded.file)}\n`);
  }
  if (recorded && !recorded.ok) io.stderr(`botflow test: sample not recorded: ${recorded.reason}\n`);
  if (insertFailure) {
    io.stderr(`botflow test: nothing inserted: ${insertFailure}\n`);
    return EXIT.errors;
  }
  return report.branch === "success" ? EXIT.ok : EXIT.failureBranch;
}

/** The core's message, with how to fix it from a terminal. */
function cliMessage(problem: RequestProblem): string {
  if (problem.code === "missing-value" && problem.variable) {
    const name = problem.variable;
    return /^[a-z0-9_]+$/.test(name) ? `No test value for {{${name}}}: add test ${name} = "..." to the step or pass --var ${name}=VALUE` : `No test value for {{${name}}}: pass --var ${name}=VALUE`;
  }
  if (problem.code === "missing-secret" && problem.secret?.kind === "secret") {
    return `${problem.message}: from the command line, set the environment variable ${problem.secret.key.toUpperCase()}`;
  }
  return problem.message;
}

function location(file: string, lines: LineIndex, span: Span): string {
  const { line, character } = lines.positionAt(span.start);
  return `${file}:${line + 1}:${character + 1}`;
}
