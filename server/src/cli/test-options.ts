// `botflow test`'s command line: FILE STEP and the options, checked, or the
// one-line reason they are not usable (a usage error).

import { parseArgs } from "node:util";

export interface Options {
  file: string;
  step: string;
  vars: Map<string, string>;
  timeoutMs?: number;
  caFiles: string[];
  json: boolean;
  insert: string[];
  insertAll: boolean;
}

export function readOptions(argv: string[]): Options | "help" {
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
