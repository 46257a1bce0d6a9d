// The files a run reads besides the flow: the answers list, mock responses
// and extra CA certificates. Each problem becomes one line naming the file,
// reported as a usage error before the conversation starts.

import type { MockResponse } from "../core/index";
import { parseMockResponse } from "../core/index";
import { readText, type Loaded, type Place } from "./files";

/** --answers: a JSON array of answers, each a string (numbers are taken as their text, for menus). */
export async function loadAnswers(at: Place, file: string): Promise<Loaded<string[]>> {
  const text = await readText(at, file);
  if (!text.ok) return text;
  let value: unknown;
  try {
    value = JSON.parse(text.value);
  } catch (error) {
    return { ok: false, message: `${file}: not valid JSON (${(error as Error).message.split("\n")[0]})` };
  }
  if (!Array.isArray(value)) return { ok: false, message: `${file}: the answers must be a JSON array of strings, like ["1001", "2"]` };
  const answers: string[] = [];
  for (const [i, item] of value.entries()) {
    if (typeof item === "string") answers.push(item);
    else if (typeof item === "number" && Number.isFinite(item)) answers.push(String(item));
    else return { ok: false, message: `${file}: answer ${i + 1} is ${JSON.stringify(item)}; each answer is a string` };
  }
  return { ok: true, value: answers };
}

export async function loadMocks(at: Place, files: ReadonlyMap<string, string>): Promise<Loaded<Map<string, MockResponse>>> {
  const mocks = new Map<string, MockResponse>();
  for (const [step, file] of files) {
    const text = await readText(at, file);
    if (!text.ok) return text;
    const parsed = parseMockResponse(text.value);
    if (!parsed.ok) return { ok: false, message: `--mock ${step}=${file}: ${parsed.message}` };
    mocks.set(step, parsed.mock);
  }
  return { ok: true, value: mocks };
}

