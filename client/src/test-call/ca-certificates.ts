// The extra CA certificates named in botflow.testCall.caCertificates, read as
// PEM text for the server (paths relative to the workspace folder).

import { readFile } from "node:fs/promises";
import type { TestCallSettings } from "../test-call-settings";
import { oneLine } from "./messages";

export async function readCaCertificates(caFiles: TestCallSettings["caFiles"]): Promise<{ ok: true; pems: string[] } | { ok: false; message: string }> {
  const pems: string[] = [];
  for (const { file, full } of caFiles) {
    try {
      pems.push(await readFile(full, "utf8"));
    } catch (e) {
      return { ok: false, message: `cannot read the CA certificate ${file} (botflow.testCall.caCertificates): ${(e as NodeJS.ErrnoException).code ?? oneLine(e)}` };
    }
  }
  return { ok: true, pems };
}
