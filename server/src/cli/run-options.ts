// `botflow run` arguments → checked options, or the one usage error to show.
// Only the command line is looked at here; files are read by run-inputs.ts.

import { parseArgs } from "node:util";
import { systemVariable } from "../core/analysis/system-variables";
import { DEFAULT_MAX_STEPS } from "../core/engine/run-flow";

export interface RunOptions {
  help: boolean;
  file: string;
  answersFile?: string;
  transcriptFile?: string;
  /** --var, in order (a later one wins) */
  vars: [string, string][];
  /** --system, in order */
  system: [string, string][];
  /** call step name → mock file */
  mocks: Map<string, string>;
  /** --samples: answer every call from its recorded sample, with no network */
  samples: boolean;
  maxSteps: number;
  timeoutMs?: number;
  caFiles: string[];
}

export type ParsedRunArgs = { ok: true; options: RunOptions } | { ok: false; message: string };

const VARIABLE_NAME = /^[a-z0-9_]+$/;

export function parseRunArgs(argv: string[]): ParsedRunArgs {
  let values: {
    answers?: string; transcript?: string; var?: string[]; system?: string[]; mock?: string[];
    "max-steps"?: string; timeout?: string; ca?: string[]; help?: boolean; samples?: boolean;
  };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        answers: { type: "string", short: "a" },
        transcript: { type: "string", short: "t" },
        var: { type: "string", multiple: true },
        system: { type: "string", multiple: true },
        mock: { type: "string", multiple: true },
        samples: { type: "boolean" },
        "max-steps": { type: "string" },
        timeout: { type: "string" },
        ca: { type: "string", multiple: true },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  const base = { vars: [], system: [], mocks: new Map(), samples: false, maxSteps: DEFAULT_MAX_STEPS, caFiles: [] };
  if (values.help) return { ok: true, options: { ...base, help: true, file: "" } };
  if (positionals.length !== 1) return { ok: false, message: positionals.length ? `one FILE only, not ${positionals.length}` : "name the .flow file to run" };

  const vars: [string, string][] = [];
  for (const item of values.var ?? []) {
    const pair = splitPair(item, "--var");
    if (!pair.ok) return pair;
    const [name] = pair.pair;
    if (!VARIABLE_NAME.test(name)) {
      return { ok: false, message: name.includes(".") ? `--var ${name}: system variables are set with --system` : `--var ${name}: a variable name has only lowercase letters, digits and _` };
    }
    vars.push(pair.pair);
  }

  const system: [string, string][] = [];
  for (const item of values.system ?? []) {
    const pair = splitPair(item, "--system");
    if (!pair.ok) return pair;
    const [name, value] = pair.pair;
    const known = systemVariable(name);
    if (!known) return { ok: false, message: `--system ${name}: not a system variable (customer.name, customer.email, customer.external_id, customer.authenticated, customer.locale, conversation.id, conversation.channel)` };
    if (known.type === "boolean" && value !== "true" && value !== "false") return { ok: false, message: `--system ${name}: true or false, not ${JSON.stringify(value)}` };
    system.push(pair.pair);
  }

  const mocks = new Map<string, string>();
  for (const item of values.mock ?? []) {
    const pair = splitPair(item, "--mock");
    if (!pair.ok) return pair;
    const [step, file] = pair.pair;
    if (mocks.has(step)) return { ok: false, message: `--mock ${step}: given twice` };
    if (!file) return { ok: false, message: `--mock ${step}=: name a mock file` };
    mocks.set(step, file);
  }

  const maxSteps = positiveInteger(values["max-steps"], "--max-steps");
  if (typeof maxSteps === "string") return { ok: false, message: maxSteps };
  const timeoutMs = positiveInteger(values.timeout, "--timeout");
  if (typeof timeoutMs === "string") return { ok: false, message: timeoutMs };

  return {
    ok: true,
    options: {
      help: false,
      file: positionals[0],
      answersFile: values.answers,
      transcriptFile: values.transcript,
      vars,
      system,
      mocks,
      samples: values.samples ?? false,
      maxSteps: maxSteps ?? DEFAULT_MAX_STEPS,
      timeoutMs,
      caFiles: values.ca ?? [],
    },
  };
}

function splitPair(item: string, option: string): { ok: true; pair: [string, string] } | { ok: false; message: string } {
  const eq = item.indexOf("=");
  if (eq <= 0) return { ok: false, message: `${option} takes NAME=VALUE, not ${JSON.stringify(item)}` };
  return { ok: true, pair: [item.slice(0, eq), item.slice(eq + 1)] };
}

/** undefined when not given; a message when not a whole number above 0. */
function positiveInteger(text: string | undefined, option: string): number | undefined | string {
  if (text === undefined) return undefined;
  const n = Number(text);
  return /^\d+$/.test(text) && n > 0 && Number.isSafeInteger(n) ? n : `${option} takes a whole number above 0, not ${JSON.stringify(text)}`;
}
