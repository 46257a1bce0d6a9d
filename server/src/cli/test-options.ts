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
  /** --record: keep the response as the step's sample */
  record: boolean;
}

/** `botflow test FILE... --all`: every call step of every file, compared with its sample. */
export interface AllOptions {
  files: string[];
  timeoutMs?: number;
  caFiles: string[];
  json: boolean;
  record: boolean;
  /** --junit OUT.xml */
  junit?: string;
}

export function readOptions(argv: string[]): Options | AllOptions | "help" {
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
      record: { type: "boolean" },
      all: { type: "boolean" },
      junit: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return "help";
  const timeoutMs = readTimeout(values.timeout);
  if (values.all) {
    for (const flag of ["var", "insert", "insert-all"] as const) {
      if (values[flag] !== undefined) throw new Error(`--${flag} cannot be used with --all: each step's values come from its test lines`);
    }
    if (!positionals.length) throw new Error("--all needs at least one .flow file or folder");
    return {
      files: positionals,
      ...(timeoutMs !== undefined ? { timeoutMs } : {}),
      caFiles: values.ca ?? [],
      json: !!values.json,
      record: !!values.record,
      ...(values.junit !== undefined ? { junit: values.junit } : {}),
    };
  }
  if (values.junit !== undefined) throw new Error("--junit is a report of --all: add --all");
  if (positionals.length !== 2) throw new Error(`expected FILE and STEP, got ${positionals.length} argument${positionals.length === 1 ? "" : "s"}; see botflow test --help`);
  const vars = new Map<string, string>();
  for (const item of values.var ?? []) {
    const eq = item.indexOf("=");
    if (eq <= 0) throw new Error(`--var needs NAME=VALUE, not ${JSON.stringify(item)}`);
    vars.set(item.slice(0, eq), item.slice(eq + 1));
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
    record: !!values.record,
  };
}

export function isAll(options: Options | AllOptions): options is AllOptions {
  return "files" in options;
}

function readTimeout(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const ms = Number(text);
  if (!/^\d+$/.test(text) || ms <= 0) throw new Error(`--timeout needs a positive number of milliseconds, not ${JSON.stringify(text)}`);
  return ms;
}
