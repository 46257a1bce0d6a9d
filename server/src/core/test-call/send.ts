// "Run test call", once for every shell: refuse a step with blocking errors,
// build the request from the typed values, the test lines and the secrets,
// send it through the HTTP port, and read the answer into one report (fields
// with the names save lines would use) and the summary lenses and hovers show.

import type { SecretResolver } from "../request/credentials";
import { prepareTestRequest } from "../request/prepare-test-request";
import { responseFields } from "../response/fields";
import { suggestSaves } from "../response/save-lines";
import { summarizeTestCall } from "../response/test-call-summary";
import { runTestCall, type TestCallOptions } from "../runner/test-call";
import type { ReadyPlan } from "./plan";
import { recorderOf, stepRunOf } from "./record";
import { blockedMessage, notSent, problemsMessage, type TestCallSent } from "./report";

export interface SendInput {
  /** values typed by the person; they win over the step's `test` lines */
  values?: ReadonlyMap<string, string> | Record<string, string>;
  resolveSecret: SecretResolver;
  timeoutMs?: number;
  /** extra CA certificates (PEM text) */
  extraCaPem?: string[];
  signal?: AbortSignal;
}

export type SendPorts = Pick<TestCallOptions, "http" | "timers">;

export async function sendTestCall(plan: ReadyPlan, input: SendInput, ports: SendPorts): Promise<TestCallSent> {
  if (plan.blocking.length) return { report: notSent(blockedMessage(plan)), blocking: plan.blocking, problems: [] };
  const { ast } = plan.document;
  const built = await prepareTestRequest(ast, plan.step, { overrides: input.values ?? {}, resolveSecret: input.resolveSecret, endpoints: plan.document.urls });
  if (!built.ok) return { report: notSent(problemsMessage(built.problems)), blocking: [], problems: built.problems };

  const result = await runTestCall(built.request, {
    ...ports,
    ...(input.timeoutMs !== undefined ? { timeoutMs: input.timeoutMs } : {}),
    extraCaPem: input.extraCaPem ?? [],
    ...(input.signal ? { signal: input.signal } : {}),
  });
  const { outcome, response } = result;
  const list = responseFields(result);
  const suggestions = suggestSaves(ast, plan.step, list.fields);
  return {
    report: {
      sent: true,
      request: result.request,
      redirects: result.redirects,
      response,
      branch: outcome.branch,
      kind: outcome.kind,
      error: outcome.branch === "failure" ? outcome.reason : null,
      reason: outcome.reason,
      durationMs: result.timeMs,
      fields: suggestions.map((s) => ({
        path: s.field.path,
        value: s.field.value,
        type: s.field.type,
        name: s.name,
        ...(s.alreadySavedAs ? { alreadySavedAs: s.alreadySavedAs } : {}),
      })),
      ...(list.note ? { note: list.note } : {}),
      ...(outcome.kind === "empty-body" && outcome.reason ? { emptyBodyNote: outcome.reason } : {}),
    },
    last: { summary: summarizeTestCall(result, plan.step), run: { branch: outcome.branch, fields: list.fields } },
    run: stepRunOf(result),
    record: recorderOf(result, built.request.redactions),
  };
}
