// "Run test call" in the server: the client gathers values (prompts, secret
// storage, CA files) and calls botflow/testCallPlan, botflow/runTestCall and
// botflow/saveLinesEdit; the sequence itself is the core's (core/test-call/),
// the same as `botflow test`. These handlers only read parameters, find the
// document and convert offsets. Secret values live only for the duration of
// one request and are never logged or sent back.

import { CodeLensRefreshRequest, LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from "vscode-languageserver/node";
import { findCallStep, notSent, type FlowService, type TestCallPlanView } from "../core/index";
import {
  RUN_TEST_CALL_REQUEST,
  SAVE_LINES_EDIT_REQUEST,
  TEST_CALL_PLAN_REQUEST,
  readRunTestCallParams,
  readSaveLinesEditParams,
  readTestCallPlanParams,
  secretSourceKey,
  type RunTestCallResult,
  type SaveLinesEditResult,
} from "../protocol";
import { toOffset, toTextEdit } from "./convert";
import type { FlowDocuments } from "./documents";
import type { Handle } from "./guard";
import type { Settings } from "./settings";
import type { TestResults } from "./test-results";
import type { SampleStore } from "./samples";

export interface TestCallHandlerDeps {
  connection: Connection;
  core: FlowService;
  documents: FlowDocuments;
  results: TestResults;
  /** where "Run test call" records the step's sample (botflow.samples.record) */
  samples: SampleStore;
  settings: Settings;
  /** whether the client can be asked to refresh code lenses */
  canRefreshLenses: () => boolean;
  handle: Handle;
}

const failed = (message: string) => new ResponseError(LSPErrorCodes.RequestFailed, message);
const OPEN_FIRST = "Open the .flow file first";

export function registerTestCallHandlers({ connection, core, documents, results, samples, settings, canRefreshLenses, handle }: TestCallHandlerDeps): void {
  /** The plan of a step of an open document; a ResponseError when there is none. */
  const planFor = (uri: string, step: string) => {
    const analysed = documents.diagnostics(uri);
    if (!analysed) throw failed(OPEN_FIRST);
    const plan = core.testCall.plan(analysed.document, analysed.diagnostics, { step });
    if (!plan.ok) throw failed(plan.error);
    return plan;
  };

  connection.onRequest(
    TEST_CALL_PLAN_REQUEST,
    handle("testCallPlan", noPlan("The test call plan failed"), (raw: unknown): TestCallPlanView => {
      const params = readTestCallPlanParams(raw);
      const analysed = params && documents.diagnostics(params.uri);
      if (!params || !analysed) return noPlan(OPEN_FIRST);
      const { document, diagnostics } = analysed;
      const target = params.step !== undefined ? { step: params.step } : { offset: params.position ? toOffset(document.lines, params.position) : -1 };
      return core.testCall.view(core.testCall.plan(document, diagnostics, target));
    }),
  );

  connection.onRequest(
    RUN_TEST_CALL_REQUEST,
    handle("runTestCall", notSent("The test call failed in the language server (see its log)"), async (raw: unknown, token: CancellationToken): Promise<RunTestCallResult> => {
      const params = readRunTestCallParams(raw);
      if (!params) throw failed(`${RUN_TEST_CALL_REQUEST}: uri and step are required`);
      const plan = planFor(params.uri, params.step);
      const controller = new AbortController();
      const cancelled = token.onCancellationRequested(() => controller.abort());
      const sent = await core.testCall
        .send(plan, {
          values: params.values,
          resolveSecret: async (source) => params.secrets[secretSourceKey(source)],
          timeoutMs: params.timeoutMs ?? settings.current.testCall.timeoutMs,
          extraCaPem: params.caCertificates,
          signal: controller.signal,
        })
        .finally(() => cancelled.dispose());
      if (!("last" in sent)) return sent.report;
      if (sent.report.kind === "cancelled" || token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, "The test call was cancelled");
      results.set(params.uri, params.step, sent.last);
      // the server writes the sample: it holds the redactions and the file system; the client only sees masked text
      const sample = (params.record ?? settings.current.samples.record) ? await samples.record(params.uri, params.step, sent.record) : undefined;
      if (canRefreshLenses()) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
      return sample ? { ...sent.report, sample } : sent.report;
    }),
  );

  connection.onRequest(
    SAVE_LINES_EDIT_REQUEST,
    handle("saveLinesEdit", { version: 0, edits: [], lines: [] }, (raw: unknown): SaveLinesEditResult => {
      const params = readSaveLinesEditParams(raw);
      if (!params) throw failed(`${SAVE_LINES_EDIT_REQUEST}: uri and step are required`);
      const cached = documents.get(params.uri);
      if (!cached) throw failed(OPEN_FIRST);
      const { document, version } = cached;
      const step = findCallStep(document.ast, params.step);
      if (!step) throw failed(`This file has no call step named ${params.step}`);
      const edit = core.testCall.saveLinesEdit(document, step, results.get(params.uri, params.step), params);
      if (!edit.ok) throw failed(edit.message);
      return { version, edits: edit.edit ? [toTextEdit(document.lines, edit.edit)] : [], lines: edit.lines };
    }),
  );
}

function noPlan(error: string): TestCallPlanView {
  return { error, variables: [], secrets: [], fileSecrets: [], blocking: [] };
}
