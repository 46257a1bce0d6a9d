// Tells the language server how a test call went, so the step's code lens,
// hovers and `save` completion show it. The "Run test call" command calls
// this after each run, with a redacted summary.

import type { LanguageClient } from "vscode-languageclient/node";
import { TEST_CALL_RESULT_NOTIFICATION, type TestCallResultParams } from "../../server/src/protocol";

export function reportTestCallResult(client: LanguageClient, params: TestCallResultParams): Promise<void> {
  return client.sendNotification(TEST_CALL_RESULT_NOTIFICATION, params);
}
