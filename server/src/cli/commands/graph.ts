// `botflow graph FILE [--format json|dot|svg|mermaid] [-o OUT]`: the flow as
// a graph (docs/graph.md). The SVG is laid out by Graphviz compiled to
// WebAssembly, in this process: no browser, no network, no native binary.
// A file with errors still gets the graph of what parses (a note on stderr).

import { parseArgs } from "node:util";
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { GRAPH_FORMATS, getFlowService, type GraphFormat } from "../../core/index";
import { EXIT, type CliIo } from "../io";
import { displayPath, readText } from "../files";

/** Steps drawn before branches are collapsed: a 10,000-line flow (≈2,600 steps) is still drawn whole. */
const CLI_NODE_BUDGET = 5000;

const HELP = `Usage: botflow graph FILE [--format json|dot|svg|mermaid] [-o OUT] [--max-nodes N]

Prints the flow as a graph: a node per step, edges next/success/failure/option/goto.
  --format, -f   json (default), dot (Graphviz), svg (laid out offline), mermaid
  --output, -o   write to OUT instead of standard output
  --max-nodes    drawings with more steps collapse branches (default ${CLI_NODE_BUDGET}; json is never cut)
Exit status: 0 graph written, 2 usage error or unreadable file.
`;

export async function graphCommand(argv: string[], io: CliIo): Promise<number> {
  const fail = (message: string) => {
    io.stderr(`botflow graph: ${message}\n`);
    return EXIT.usage;
  };
  let values: { format?: string; output?: string; "max-nodes"?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { format: { type: "string", short: "f" }, output: { type: "string", short: "o" }, "max-nodes": { type: "string" }, help: { type: "boolean", short: "h" } },
    }));
  } catch (error) {
    return fail((error as Error).message);
  }
  if (values.help) {
    io.stdout(HELP);
    return EXIT.ok;
  }
  const format = (values.format ?? "json") as GraphFormat;
  if (!GRAPH_FORMATS.includes(format)) return fail(`--format must be ${GRAPH_FORMATS.join(", ")}, not ${JSON.stringify(values.format)}`);
  const maxNodes = values["max-nodes"] === undefined ? CLI_NODE_BUDGET : Number(values["max-nodes"]);
  if (!Number.isInteger(maxNodes) || maxNodes < 2) return fail("--max-nodes must be a whole number of at least 2");
  if (positionals.length !== 1) return fail("name one .flow file");

  const file = positionals[0];
  const shown = displayPath(io.cwd, file);
  const text = await readText(io, file, shown);
  if (!text.ok) return fail(text.message);
  const core = getFlowService();
  const { document, diagnostics } = core.analyze(text.value);
  const rendered = core.graph.render(document, format, maxNodes, format === "svg" ? await core.graph.loadLayout() : undefined);

  const errors = diagnostics.filter((d) => d.severity === "error").length;
  if (errors) io.stderr(`botflow graph: ${shown} has ${errors} error${errors === 1 ? "" : "s"}; the graph shows what parses (botflow check ${shown})\n`);
  if (rendered.shown?.hidden) io.stderr(`botflow graph: ${rendered.shown.hidden} of ${rendered.graph.nodes.length} steps collapsed (--max-nodes ${maxNodes})\n`);
  if (values.output === undefined) {
    io.stdout(rendered.text);
    return EXIT.ok;
  }
  try {
    await writeFile(resolve(io.cwd, values.output), rendered.text, "utf8");
  } catch (error) {
    return fail(`cannot write ${values.output}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return EXIT.ok;
}
