// The one shape of a test call's answer, as every shell gets it: the language
// server sends it as is (protocol.ts re-exports these types), the CLI prints
// it, the VS Code client shows it. Every string in it is already redacted.

import type { LineIndex } from "../text/line-index";
import type { RequestProblem, RequestView } from "../request/prepared-request";
import type { ResponseField } from "../response/fields";
import type { OutcomeKind, RedirectHop, ResponseView } from "../runner/test-call-result";
import type { TestCallSummary } from "../features/test-call-summary";
import type { Diagnostic } from "../types";
import type { StepRun } from "../samples/judge-step";
import type { ReadyPlan, TestCallPlan } from "./plan";
import type { Recorder } from "./record";

/** Where a connection's secret comes from: `env NAME` or `secret "key"`. */
export type TestCallSecretSource = { kind: "env"; name: string } | { kind: "secret"; key: string };

/** A plan as a shell that cannot hold the syntax tree sees it (botflow/testCallPlan). */
export interface TestCallPlanView {
  /** the call step (undefined when none was found: `error` says why) */
  step?: string;
  error?: string;
  /** every variable the request uses, in order, with its `test` value when the step has one */
  variables: { name: string; testValue?: string }[];
  /** the secrets the step's connection reads */
  secrets: TestCallSecretSource[];
  /** every `secret "key"` source in the file (for Set connection secret) */
  fileSecrets: string[];
  /** errors that stop the step from being sent, one line each */
  blocking: string[];
}

export interface TestCallFieldChoice {
  path: string;
  value: string;
  type: string;
  /** the variable name a `save` line would use */
  name: string;
  /** set when the step already saves this path */
  alreadySavedAs?: string;
}

interface ReportBase {
  redirects: RedirectHop[];
  /** one line saying what went wrong (failure branch, or not sent) */
  error: string | null;
  durationMs: number;
  fields: TestCallFieldChoice[];
  /** why the field list is empty or cut */
  note?: string;
  /** set for a 2xx with an empty body: saved variables would be skipped */
  emptyBodyNote?: string;
}

/** A call that was made. */
export interface SentReport extends ReportBase {
  sent: true;
  /** redacted */
  request: RequestView;
  /** redacted (`json` too, value by value); null when no response came */
  response: ResponseView | null;
  branch: "success" | "failure";
  /** the runner's outcome kind (ok, empty-body, status, timeout, tls, …) */
  kind: OutcomeKind;
  /** the runner's one line on either branch: why it failed, or why saves cannot read a 2xx body */
  reason: string | null;
}

/** The request could not be built (or the step has blocking errors): nothing was sent, `error` says why. */
export interface UnsentReport extends ReportBase {
  sent: false;
  request: null;
  response: null;
  branch: null;
  error: string;
}

export type TestCallReport = SentReport | UnsentReport;

/** What a shell keeps of a step's last run: the lens title and hover samples (summary), and what save lines can pick from. */
export interface LastTestCall {
  summary: TestCallSummary;
  /** absent when the result came from elsewhere (a client's botflow/testCallResult) */
  run?: { branch: "success" | "failure"; fields: ResponseField[] };
}

/** What `send` answers: the report, with what lenses and save lines keep (sent) or, for shells that point into the file, the errors and problems with their spans (not sent). */
export type TestCallSent =
  | {
      report: SentReport;
      last: LastTestCall;
      /** the call as a drift run judges it (judgeStep) */
      run: StepRun;
      /** the sample file this call would write (--record, botflow.samples.record): the shell writes it */
      record: Recorder;
    }
  | { report: UnsentReport /** the errors that kept it from being sent */; blocking: Diagnostic[] /** why the request could not be built */; problems: RequestProblem[] };

export function planView(plan: TestCallPlan): TestCallPlanView {
  if (!plan.ok) return { error: plan.error, variables: [], secrets: [], fileSecrets: plan.fileSecrets, blocking: [] };
  return {
    step: plan.name,
    variables: plan.variables,
    secrets: plan.secrets.map((s) => (s.kind === "env" ? { kind: "env", name: s.name } : { kind: "secret", key: s.key })),
    fileSecrets: plan.fileSecrets,
    blocking: plan.blocking.map((d) => lineMessage(plan.document.lines, d)),
  };
}

/** `lookup cannot be sent until this is fixed: line 4: … (and 2 more)` */
export function blockedMessage(plan: ReadyPlan): string {
  const [first, ...rest] = plan.blocking;
  return `${plan.name} cannot be sent until this is fixed: ${lineMessage(plan.document.lines, first)}${andMore(rest.length)}`;
}

export function problemsMessage(problems: readonly RequestProblem[]): string {
  const [first, ...rest] = problems;
  return `${first.message}${andMore(rest.length)}`;
}

export function notSent(error: string): UnsentReport {
  return { sent: false, request: null, redirects: [], response: null, branch: null, error, durationMs: 0, fields: [] };
}

function lineMessage(lines: LineIndex, d: Diagnostic): string {
  return `line ${lines.positionAt(d.span.start).line + 1}: ${d.message}`;
}

function andMore(count: number): string {
  return count ? ` (and ${count} more)` : "";
}
