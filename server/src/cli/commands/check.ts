// `botflow check [--format text|json] PATH...`: the diagnostics of every
// .flow file named or found under the folders named. Exit 0 without errors,
// 1 with any error, 2 on usage or unreadable files. Each flow's recorded
// samples (.botflow/samples/, docs/samples.md) are read for its save paths.

import { parseArgs } from "node:util";
import { resolve } from "node:path";
import { analyze, LineIndex, type Diagnostic, type RuleInputs } from "../../core/index";
import { EXIT, filesOf, type CliIo } from "../io";
import { displayPath, flowFiles, readText } from "../files";
import { textLine, toJsonDiagnostic, type FileReport } from "../format";
import { loadFlowSamples } from "../sample-files";
import { LARGE_INPUT_CHARS, tierUpLater } from "../one-shot-tiering";

const HELP = `Usage: botflow check [--format text|json] PATH...

Reports the diagnostics of .flow files; folders are searched for *.flow.
Exit status: 0 no errors, 1 errors found, 2 usage error or unreadable file.
`;

export async function checkCommand(argv: string[], io: CliIo): Promise<number> {
  let values: { format?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { format: { type: "string", short: "f" }, help: { type: "boolean", short: "h" } } }));
  } catch (error) {
    io.stderr(`botflow check: ${(error as Error).message}\n`);
    return EXIT.usage;
  }
  if (values.help) {
    io.stdout(HELP);
    return EXIT.ok;
  }
  const format = values.format ?? "text";
  if (format !== "text" && format !== "json") {
    io.stderr(`botflow check: --format must be text or json, not ${JSON.stringify(format)}\n`);
    return EXIT.usage;
  }
  if (!positionals.length) {
    io.stderr("botflow check: name at least one .flow file or folder\n");
    return EXIT.usage;
  }

  let files: string[];
  try {
    files = [];
    for (const p of positionals) files.push(...(await flowFiles(filesOf(io), resolve(io.cwd, p))));
  } catch (error) {
    io.stderr(`botflow check: ${(error as Error).message}\n`);
    return EXIT.usage;
  }

  const reports: FileReport[] = [];
  let errors = 0;
  let unreadable = false;
  for (const file of files) {
    const shown = displayPath(io.cwd, file);
    const read = await readText(io, file, shown);
    if (!read.ok) {
      io.stderr(`botflow check: ${read.message}\n`);
      unreadable = true;
      continue;
    }
    const text = read.value;
    if (text.length >= LARGE_INPUT_CHARS) tierUpLater();
    // recorded samples next to the flow feed save-path-missing and sample-invalid
    const { diagnostics, lines } = checkText(text, { samples: await loadFlowSamples(file) });
    const report: FileReport = { file: shown, diagnostics: diagnostics.map((d) => toJsonDiagnostic(d, lines)) };
    errors += diagnostics.filter((d) => d.severity === "error").length;
    reports.push(report);
    if (format === "text") for (const d of report.diagnostics) io.stdout(`${textLine(shown, d)}\n`);
  }
  if (format === "json") io.stdout(`${JSON.stringify(reports, null, 2)}\n`);
  else if (io.isTty || files.length > 1) {
    io.stderr(`${files.length} file${files.length === 1 ? "" : "s"} checked, ${errors} error${errors === 1 ? "" : "s"}\n`);
  }
  if (unreadable) return EXIT.usage;
  return errors ? EXIT.errors : EXIT.ok;
}

/**
 * Every diagnostic of one file. The core never throws on text; should it ever, the file gets one
 * diagnostic saying so (no stack trace) and the other files are still checked and reported.
 */
function checkText(text: string, inputs: RuleInputs): { diagnostics: Diagnostic[]; lines: LineIndex } {
  try {
    return analyze(text, undefined, inputs);
  } catch (error) {
    const message = `botflow could not check this file (internal error: ${error instanceof Error ? error.message : String(error)})`;
    return { diagnostics: [{ code: "internal", severity: "error", message: message.replace(/[\r\n]+/g, " "), span: { start: 0, end: 0 } }], lines: new LineIndex(text) };
  }
}
