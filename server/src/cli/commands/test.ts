// `botflow test FILE STEP`: runs one call step's request for real (the
// editor's "Run test call" from a terminal), prints it and the response with
// secrets redacted, lists the response's fields, and with --insert writes the
// chosen `save` lines into FILE, the same edit the editor makes.
// Exit: 0 success branch, 3 failure branch, 1 the step cannot be sent (or
// the insertion failed), 2 usage error.

import { parseArgs } from "node:util";
import { readFile, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { analyze } from "../../core/index";
import { forEachStep } from "../../core/analysis/walk";
import type { CallStep, FlowFile } from "../../core/syntax/ast";
import type { Span } from "../../core/types";
import type { LineIndex } from "../../core/text/line-index";
import { findCallStep, prepareTestRequest } from "../../core/request/prepare-test-request";
import { stepErrors } from "../../core/request/step-errors";
import type { RequestProblem } from "../../core/request/prepared-request";
import { runTestCall } from "../../core/runner/test-call";
import { undiciHttp } from "../../runtime/node-runtime";
import { responseFields } from "../../core/response/fields";
import { insertSaveLines, savesLeft, suggestSaves, type ChosenSave, type SaveSuggestion } from "../../core/response/save-lines";
import { EXIT, type CliIo } from "../io";
import { displayPath, loadCertificates } from "../files";
import { environmentSecrets } from "../run-secrets";
import { fieldRows, testCallJson, testCallText } from "../format-test-call";

const HELP = `Usage: botflow test FILE STEP [options]

Sends the request of the call step STEP for real, with its test values, and
lists the response's fields.

Options:
  --var NAME=VALUE   a test value (repeatable); wins over the step's test lines
  --timeout MS       give up after MS milliseconds (default 10000)
  --ca FILE          also trust the PEM certificate(s) in FILE (repeatable)
  --json             print one JSON document instead of the report
  --insert PATH      add a save line for the field PATH to STEP in FILE (repeatable)
  --insert-all       add save lines for every value field not saved yet

Secrets: "env NAME" reads $NAME; secret "key" reads $KEY (the key upper-cased).
Exit status: 0 success branch, 3 failure branch, 1 the step cannot be sent,
2 usage error.
`;

interface Options {
  file: string;
  step: string;
  vars: Map<string, string>;
  timeoutMs?: number;
  caFiles: string[];
  json: boolean;
  insert: string[];
  insertAll: boolean;
}

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
    options = parsed;
  } catch (error) {
    return usage((error as Error).message);
  }

  const path = resolve(io.cwd, options.file);
  const shown = displayPath(io.cwd, path);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    return usage(`cannot read ${shown}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const certificates = await loadCertificates(io.cwd, options.caFiles);
  if (!certificates.ok) return usage(certificates.message);
  const extraCaPem = certificates.value;

  const { ast, diagnostics, lines } = analyze(text);
  const step = findCallStep(ast, options.step);
  if (!step) {
    const names = callStepNames(ast);
    return usage(`${shown} has no call step named ${options.step}${names.length ? ` (call steps: ${names.join(", ")})` : ""}`);
  }

  const errors = stepErrors(diagnostics, ast, step);
  if (errors.length) {
    for (const d of errors) io.stderr(`${location(shown, lines, d.span)}: error ${d.code}: ${d.message}\n`);
    io.stderr(`botflow test: ${options.step} cannot be sent until ${errors.length === 1 ? "this error is" : "these errors are"} fixed\n`);
    return EXIT.errors;
  }

  const built = await prepareTestRequest(ast, step, { overrides: options.vars, resolveSecret: environmentSecrets(io.env) });
  if (!built.ok) {
    for (const p of built.problems) io.stderr(`${location(shown, lines, p.span)}: ${cliMessage(p)}\n`);
    io.stderr(`botflow test: ${options.step} cannot be sent\n`);
    return EXIT.errors;
  }

  const result = await runTestCall(built.request, { http: undiciHttp, timeoutMs: options.timeoutMs, extraCaPem });
  const list = responseFields(result);
  const suggestions = suggestSaves(ast, step, list.fields);
  const rows = fieldRows(suggestions);

  let inserted: string[] = [];
  let insertFailure: string | undefined;
  if (options.insert.length || options.insertAll) {
    const outcome = await insert(options, suggestions, result.outcome.branch, text, step, path);
    if (typeof outcome === "string") insertFailure = outcome;
    else inserted = outcome;
  }

  if (options.json) io.stdout(`${JSON.stringify(testCallJson(result, rows, inserted), null, 2)}\n`);
  else {
    io.stdout(testCallText(result, list, rows));
    if (inserted.length) io.stdout(`\nInserted into ${shown}:\n${inserted.map((l) => `  ${l}`).join("\n")}\n`);
  }
  if (insertFailure) {
    io.stderr(`botflow test: nothing inserted: ${insertFailure}\n`);
    return EXIT.errors;
  }
  return result.outcome.branch === "success" ? EXIT.ok : EXIT.failureBranch;
}

function readOptions(argv: string[]): Options | "help" {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      var: { type: "string", multiple: true },
      timeout: { type: "string" },
      ca: { type: "string", multiple: true },
      json: { type: "boolean" },
      insert: { type: "string", multiple: true },
      "insert-all": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return "help";
  if (positionals.length !== 2) throw new Error(`expected FILE and STEP, got ${positionals.length} argument${positionals.length === 1 ? "" : "s"}; see botflow test --help`);
  const vars = new Map<string, string>();
  for (const item of values.var ?? []) {
    const eq = item.indexOf("=");
    if (eq <= 0) throw new Error(`--var needs NAME=VALUE, not ${JSON.stringify(item)}`);
    vars.set(item.slice(0, eq), item.slice(eq + 1));
  }
  let timeoutMs: number | undefined;
  if (values.timeout !== undefined) {
    timeoutMs = Number(values.timeout);
    if (!/^\d+$/.test(values.timeout) || timeoutMs <= 0) throw new Error(`--timeout needs a positive number of milliseconds, not ${JSON.stringify(values.timeout)}`);
  }
  if (values["insert-all"] && values.insert?.length) throw new Error("use either --insert PATH or --insert-all, not both");
  return {
    file: positionals[0],
    step: positionals[1],
    vars,
    timeoutMs,
    caFiles: values.ca ?? [],
    json: !!values.json,
    insert: values.insert ?? [],
    insertAll: !!values["insert-all"],
  };
}

/** Writes the chosen save lines into the file; returns them, or why nothing was written. */
async function insert(options: Options, suggestions: SaveSuggestion[], branch: "success" | "failure", text: string, step: CallStep, path: string): Promise<string[] | string> {
  if (branch !== "success") return "the call took the failure branch, where saved variables are not set";
  if (!suggestions.length) return "the response has no fields to save";
  let chosen: ChosenSave[];
  if (options.insertAll) {
    // Values only: saving a whole object or array is rarely what "all" means, and would eat the eight-save limit.
    chosen = suggestions.filter((s) => !s.alreadySavedAs && s.field.type !== "object" && s.field.type !== "array").map((s) => ({ name: s.name, path: s.field.path }));
    if (!chosen.length) return "every value field is saved already";
    if (chosen.length > savesLeft(step)) {
      return `${chosen.length} value fields, but ${step.name?.name} can take ${savesLeft(step)} more save${savesLeft(step) === 1 ? "" : "s"} (at most 8): choose with --insert PATH`;
    }
  } else {
    chosen = [];
    for (const wanted of options.insert) {
      const found = suggestions.find((s) => s.field.path === wanted);
      if (!found) return `the response has no field ${wanted} (paths are written as in the field list, e.g. order.items[0].sku)`;
      if (found.alreadySavedAs) continue;
      if (!chosen.some((c) => c.path === wanted)) chosen.push({ name: found.name, path: wanted });
    }
    if (!chosen.length) return "every chosen field is saved already";
  }
  const result = insertSaveLines(text, step, chosen);
  if (!result.ok) return result.message;
  // The call took a while: do not overwrite edits made meanwhile.
  const current = await readFile(path, "utf8").catch(() => undefined);
  if (current !== text) return `${path} changed while the call ran`;
  const updated = text.slice(0, result.edit.span.start) + result.edit.newText + text.slice(result.edit.span.end);
  await writeFile(path, updated, "utf8");
  return result.lines;
}

/** The core's message, with how to fix it from a terminal. */
function cliMessage(problem: RequestProblem): string {
  if (problem.code === "missing-value" && problem.variable) {
    const name = problem.variable;
    return /^[a-z0-9_]+$/.test(name)
      ? `No test value for {{${name}}}: add test ${name} = "..." to the step or pass --var ${name}=VALUE`
      : `No test value for {{${name}}}: pass --var ${name}=VALUE`;
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

function callStepNames(ast: FlowFile): string[] {
  const names: string[] = [];
  forEachStep(ast, (s) => {
    if (s.kind === "call" && s.name) names.push(s.name.name);
  });
  return names;
}

