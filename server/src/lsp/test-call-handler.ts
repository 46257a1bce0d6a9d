// "Run test call" in the server: the client gathers values (prompts, secret
// storage, CA files) and calls botflow/testCallPlan, botflow/runTestCall and
// botflow/saveLinesEdit; everything else — building the request, sending it,
// redacting, listing fields, the save/test line edit — is the core's, in the
// same order as the CLI's `botflow test`. Secret values live only for the
// duration of one request and are never logged or sent back.

import { CodeLensRefreshRequest, LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from "vscode-languageserver/node";
import { buildDocument } from "../core/analysis/document";
import type { Diagnostic } from "../core/types";
import type { LineIndex } from "../core/text/line-index";
import { findCallStep, prepareTestRequest } from "../core/request/prepare-test-request";
import { callStepAt, fileSecretKeys, testCallPlan } from "../core/request/test-call-plan";
import type { runTestCall as RunTestCall } from "../core/runner/test-call";
import { responseFields, type ResponseField } from "../core/response/fields";
import { insertSaveLines, suggestSaves, type ChosenSave } from "../core/response/save-lines";
import { applyEdits, singleEdit, writeTestLines } from "../core/response/test-lines";
import { summarizeTestCall } from "../core/response/test-call-summary";
import {
  RUN_TEST_CALL_REQUEST, SAVE_LINES_EDIT_REQUEST, TEST_CALL_PLAN_REQUEST, secretSourceKey,
  type RunTestCallParams, type RunTestCallResult, type SaveLinesEditParams, type SaveLinesEditResult, type TestCallPlan, type TestCallPlanParams,
} from "../protocol";
import { undiciHttp } from "../runtime/node-runtime";
import { toOffset, toTextEdit } from "./convert";
import type { FlowDocuments } from "./documents";
import type { Settings } from "./settings";
import type { TestResults } from "./test-results";

// undici (and Node's own fetch it pulls in) costs ~10 MiB and ~50 ms at start:
// load the runner on the first test call, not when the server starts.
let runner: Promise<typeof RunTestCall> | undefined;
function loadRunner(): Promise<typeof RunTestCall> {
  runner ??= import("../core/runner/test-call").then((m) => m.runTestCall);
  return runner;
}

export interface TestCallHandlerDeps {
  connection: Connection;
  documents: FlowDocuments;
  results: TestResults;
  settings: Settings;
  /** whether the client can be asked to refresh code lenses */
  canRefreshLenses: () => boolean;
}

interface LastRun {
  branch: "success" | "failure";
  fields: ResponseField[];
}

export function registerTestCallHandlers(deps: TestCallHandlerDeps): void {
  const { connection, documents, results, settings } = deps;
  const lastRuns = new Map<string, LastRun>();
  const key = (uri: string, step: string) => `${uri}\n${step}`;
  documents.open.onDidClose((e) => {
    for (const k of [...lastRuns.keys()]) if (k.startsWith(`${e.document.uri}\n`)) lastRuns.delete(k);
  });

  connection.onRequest(TEST_CALL_PLAN_REQUEST, (raw: unknown): TestCallPlan => {
    const params = raw as TestCallPlanParams;
    const analysed = params && typeof params.uri === "string" ? documents.diagnostics(params.uri) : undefined;
    if (!analysed) return { error: "Open the .flow file first", variables: [], secrets: [], fileSecrets: [], blocking: [] };
    const { document, diagnostics } = analysed;
    const fileSecrets = fileSecretKeys(document.ast);
    const step = typeof params.step === "string"
      ? findCallStep(document.ast, params.step)
      : params.position ? callStepAt(document.ast, toOffset(document.lines, params.position)) : undefined;
    if (!step?.name) {
      const error = typeof params.step === "string" ? `This file has no call step named ${params.step}` : "Put the cursor inside a named call step";
      return { error, variables: [], secrets: [], fileSecrets, blocking: [] };
    }
    const plan = testCallPlan(document.ast, diagnostics, step);
    return {
      step: step.name.name,
      variables: plan.variables,
      secrets: plan.secrets.map((s) => (s.kind === "env" ? { kind: "env", name: s.name } : { kind: "secret", key: s.key })),
      fileSecrets,
      blocking: plan.blocking.map((d) => lineMessage(document.lines, d)),
    };
  });

  connection.onRequest(RUN_TEST_CALL_REQUEST, async (raw: unknown, token: CancellationToken): Promise<RunTestCallResult> => {
    const params = raw as RunTestCallParams;
    if (!params || typeof params.uri !== "string" || typeof params.step !== "string") {
      throw new ResponseError(LSPErrorCodes.RequestFailed, `${RUN_TEST_CALL_REQUEST}: uri and step are required`);
    }
    const analysed = documents.diagnostics(params.uri);
    if (!analysed) throw new ResponseError(LSPErrorCodes.RequestFailed, "Open the .flow file first");
    const { document, diagnostics } = analysed;
    const step = findCallStep(document.ast, params.step);
    if (!step) throw new ResponseError(LSPErrorCodes.RequestFailed, `This file has no call step named ${params.step}`);

    const blocking = testCallPlan(document.ast, diagnostics, step).blocking;
    if (blocking.length) {
      const more = blocking.length > 1 ? ` (and ${blocking.length - 1} more)` : "";
      return notSent(`${params.step} cannot be sent until this is fixed: ${lineMessage(document.lines, blocking[0])}${more}`);
    }
    const secrets = isStringRecord(params.secrets) ? params.secrets : {};
    const built = await prepareTestRequest(document.ast, step, {
      overrides: isStringRecord(params.values) ? params.values : {},
      resolveSecret: async (source) => secrets[secretSourceKey(source.kind === "env" ? { kind: "env", name: source.name } : { kind: "secret", key: source.key })],
    });
    if (!built.ok) {
      const [first, ...rest] = built.problems;
      return notSent(`${first.message}${rest.length ? ` (and ${rest.length} more)` : ""}`);
    }

    const controller = new AbortController();
    const cancelled = token.onCancellationRequested(() => controller.abort());
    let result;
    try {
      result = await (await loadRunner())(built.request, {
        http: undiciHttp,
        timeoutMs: typeof params.timeoutMs === "number" && params.timeoutMs > 0 ? params.timeoutMs : settings.current.testCall.timeoutMs,
        extraCaPem: Array.isArray(params.caCertificates) ? params.caCertificates.filter((p): p is string => typeof p === "string") : [],
        signal: controller.signal,
      });
    } finally {
      cancelled.dispose();
    }
    if (result.outcome.kind === "cancelled" || token.isCancellationRequested) {
      throw new ResponseError(LSPErrorCodes.RequestCancelled, "The test call was cancelled");
    }

    const list = responseFields(result);
    lastRuns.set(key(params.uri, params.step), { branch: result.outcome.branch, fields: list.fields });
    results.set(params.uri, params.step, summarizeTestCall(result, step));
    if (deps.canRefreshLenses()) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);

    const suggestions = suggestSaves(document.ast, step, list.fields);
    const { response } = result;
    return {
      sent: true,
      request: result.request,
      redirects: result.redirects,
      response: response && {
        status: response.status, statusText: response.statusText, headers: response.headers, body: response.body, bodyBytes: response.bodyBytes, truncated: response.truncated,
      },
      branch: result.outcome.branch,
      kind: result.outcome.kind,
      error: result.outcome.branch === "failure" ? result.outcome.reason : null,
      durationMs: result.timeMs,
      fields: suggestions.map((s) => ({
        path: s.field.path, value: s.field.value, type: s.field.type, name: s.name, ...(s.alreadySavedAs ? { alreadySavedAs: s.alreadySavedAs } : {}),
      })),
      ...(list.note ? { note: list.note } : {}),
      ...(result.outcome.kind === "empty-body" && result.outcome.reason ? { emptyBodyNote: result.outcome.reason } : {}),
    };
  });

  connection.onRequest(SAVE_LINES_EDIT_REQUEST, (raw: unknown): SaveLinesEditResult => {
    const params = raw as SaveLinesEditParams;
    const fail = (message: string) => new ResponseError(LSPErrorCodes.RequestFailed, message);
    if (!params || typeof params.uri !== "string" || typeof params.step !== "string") throw fail(`${SAVE_LINES_EDIT_REQUEST}: uri and step are required`);
    const cached = documents.get(params.uri);
    if (!cached) throw fail("Open the .flow file first");
    const { document, version } = cached;
    const step = findCallStep(document.ast, params.step);
    if (!step) throw fail(`This file has no call step named ${params.step}`);
    const paths = Array.isArray(params.paths) ? params.paths.filter((p): p is string => typeof p === "string") : [];
    const tests = isStringRecord(params.tests) ? params.tests : {};

    let text = document.text;
    const lines: string[] = [];
    if (paths.length) {
      const last = lastRuns.get(key(params.uri, params.step));
      if (!last) throw fail(`Run the test call of ${params.step} first`);
      if (last.branch !== "success") throw fail("The call took the failure branch, where saved variables are not set");
      const suggestions = suggestSaves(document.ast, step, last.fields);
      const chosen: ChosenSave[] = [];
      for (const path of paths) {
        const found = suggestions.find((s) => s.field.path === path);
        if (!found) throw fail(`The last response has no field ${path}`);
        if (!found.alreadySavedAs && !chosen.some((c) => c.path === path)) chosen.push({ name: found.name, path });
      }
      if (chosen.length) {
        const inserted = insertSaveLines(text, step, chosen);
        if (!inserted.ok) throw fail(inserted.message);
        text = applyEdits(text, [inserted.edit]);
        lines.push(...inserted.lines);
      }
    }
    if (Object.keys(tests).length) {
      // Against the text with the save lines in, so both land where they belong.
      const stepNow = findCallStep(buildDocument(text).ast, params.step);
      if (!stepNow) throw fail(`${params.step} could not be found after inserting the save lines`);
      const written = writeTestLines(text, stepNow, tests);
      if (!written.ok) throw fail(written.message);
      text = applyEdits(text, written.edits);
      lines.push(...written.lines);
    }
    const edit = singleEdit(document.text, text);
    return { version, edits: edit ? [toTextEdit(document.lines, edit)] : [], lines };
  });
}

function notSent(error: string): RunTestCallResult {
  return { sent: false, request: null, redirects: [], response: null, branch: null, error, durationMs: 0, fields: [] };
}

function lineMessage(lines: LineIndex, d: Diagnostic): string {
  return `line ${lines.positionAt(d.span.start).line + 1}: ${d.message}`;
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === "string");
}
