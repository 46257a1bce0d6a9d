// A recorded response sample, as kept in `.botflow/samples/<flow>/<STEP>.json`
// (docs/samples.md is the contract), and the check that turns a file's text
// into one. Reading never throws: a file that is not JSON, empty or of the
// wrong shape gives one reason a bot author can act on.
//
// The file:
//   { "status": 200, "statusText": "OK",                        statusText optional
//     "recorded": "2026-01-31T12:00:00.000Z",
//     "headers": { "content-type": "application/json" },      optional
//     "body": <the JSON response>,                             absent when the response had none…
//     "reason": "the response is not JSON",                    …and then this says why
//     "capped": [ { "path": "orders", "kept": 20, "of": 250, "allShapes": true } ] }   optional

/** A container the capping rule cut (cap-json.ts): `kept` of `of` items or keys stayed. */
export interface CapNote {
  /** the container's path, items written `[0]` (all items of an array share one path) */
  path: string;
  kept: number;
  of: number;
  /** true when every shape among the dropped items is still among the kept ones, so paths below are still judged */
  allShapes: boolean;
}

export interface ResponseSample {
  status: number;
  /** the server's reason phrase ("OK", "Not Found"), when it sent one */
  statusText?: string;
  /** ISO time */
  recorded: string;
  /** lower-case names; credentials masked */
  headers: Record<string, string>;
  /** the parsed body; absent when the response had no JSON body */
  json?: { value: unknown };
  /** why there is no JSON body */
  reason?: string;
  capped: CapNote[];
}

export type SampleParse = { ok: true; sample: ResponseSample } | { ok: false; message: string };

/** What a shell hands the analysis for one step: the parsed file or why it cannot be used, and the file as shown to the user. */
export type SampleLoad = SampleParse & { file?: string };

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export function parseSample(text: string): SampleParse {
  if (text.trim() === "") return fail("the file is empty");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return fail(`it is not valid JSON (${oneLine(error instanceof Error ? error.message : String(error))})`);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) return fail("it is not a JSON object with status, recorded and body");
  const o = value as Record<string, unknown>;
  if (typeof o.status !== "number" || !Number.isInteger(o.status) || o.status < 100 || o.status > 599) return fail(`"status" must be an HTTP status from 100 to 599`);
  if (typeof o.recorded !== "string" || !ISO_TIME.test(o.recorded) || Number.isNaN(Date.parse(o.recorded))) return fail(`"recorded" must be an ISO time such as 2026-01-31T12:00:00Z`);
  const hasBody = Object.hasOwn(o, "body");
  if (!hasBody && (typeof o.reason !== "string" || o.reason.trim() === "")) return fail(`it has no "body" (nor a "reason" saying why the response had none)`);
  if (o.reason !== undefined && typeof o.reason !== "string") return fail(`"reason" must be a string`);
  if (o.statusText !== undefined && typeof o.statusText !== "string") return fail(`"statusText" must be a string`);
  const headers = o.headers ?? {};
  if (headers === null || typeof headers !== "object" || Array.isArray(headers) || !Object.values(headers).every((v) => typeof v === "string")) {
    return fail(`"headers" must be an object of strings`);
  }
  const capped = o.capped ?? [];
  if (!Array.isArray(capped) || !capped.every(isCapNote)) return fail(`"capped" must be a list of {"path", "kept", "of", "allShapes"}`);
  return {
    ok: true,
    sample: {
      status: o.status,
      ...(typeof o.statusText === "string" ? { statusText: o.statusText } : {}),
      recorded: o.recorded,
      headers: { ...(headers as Record<string, string>) },
      ...(hasBody ? { json: { value: o.body } } : {}),
      ...(typeof o.reason === "string" ? { reason: o.reason } : {}),
      capped: capped as CapNote[],
    },
  };
}

/** The file text of a sample: two-space JSON, keys in a fixed order so re-recording an unchanged API changes only `recorded`. */
export function sampleText(sample: ResponseSample): string {
  const file: Record<string, unknown> = { status: sample.status };
  if (sample.statusText) file.statusText = sample.statusText;
  file.recorded = sample.recorded;
  if (Object.keys(sample.headers).length) file.headers = sample.headers;
  if (sample.json) file.body = sample.json.value;
  if (sample.reason !== undefined) file.reason = sample.reason;
  if (sample.capped.length) file.capped = sample.capped;
  return `${JSON.stringify(file, null, 2)}\n`;
}

export function isSuccessStatus(status: number): boolean {
  return status >= 200 && status <= 299;
}

function isCapNote(value: unknown): value is CapNote {
  if (value === null || typeof value !== "object") return false;
  const n = value as Record<string, unknown>;
  return typeof n.path === "string" && Number.isInteger(n.kept) && Number.isInteger(n.of) && typeof n.allShapes === "boolean";
}

/** JSON.parse quotes the offending text, line breaks included: keep the reason on one short line. */
function oneLine(text: string): string {
  const flat = text.replace(/[\u0000-\u001f\u2028\u2029]/g, (c) => JSON.stringify(c).slice(1, -1));
  return flat.length > 160 ? `${flat.slice(0, 159)}…` : flat;
}

function fail(message: string): SampleParse {
  return { ok: false, message };
}
