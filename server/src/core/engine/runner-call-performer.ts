// The CallPerformer that really sends: the request is built by the request
// module from the conversation's values (never the step's `test` lines, which
// are for "Run test call" only) and sent by the test-call runner, which
// applies the timeout, CA, redirect and redaction rules. The engine stays
// free of I/O; this adapter is where a run meets the network.

import type { CallStep, FlowFile } from "../syntax/ast";
import type { RequestProblem } from "../request/prepared-request";
import { buildRequest } from "../request/build-request";
import { findConnection, type SecretResolver } from "../request/credentials";
import { runTestCall, type TestCallOptions } from "../runner/test-call";
import type { TestCallResult } from "../runner/test-call-result";
import type { CallOutcome, CallPerformer } from "./ports";

export interface RunnerPerformerOptions {
  file: FlowFile;
  resolveSecret: SecretResolver;
  /** the HTTP port, timeout, extra CA certificates, size cap…; the signal comes per call */
  call: Omit<TestCallOptions, "signal">;
}

export function runnerCallPerformer(options: RunnerPerformerOptions): CallPerformer {
  return async (step: CallStep, values, signal) => {
    const found = findConnection(options.file, step);
    if (found.problems.length) return notSent(found.problems);
    const built = await buildRequest(step, values, { connection: found.connection, resolveSecret: options.resolveSecret });
    if (!built.ok) return notSent(built.problems);
    const result = await runTestCall(built.request, { ...options.call, signal });
    return outcomeOf(result);
  };
}

function outcomeOf(result: TestCallResult): CallOutcome {
  const { outcome, response } = result;
  const reason = reasonOf(result);
  return {
    branch: outcome.branch,
    timeMs: result.timeMs,
    request: `${result.request.method} ${result.request.url}`,
    source: "network",
    ...(response ? { status: response.status } : {}),
    ...(response?.json ? { json: response.json } : {}),
    ...(reason ? { reason } : {}),
  };
}

/** The runner's reason, minus what the status or the save summary already says. */
function reasonOf(result: TestCallResult): string | undefined {
  const { kind, reason } = result.outcome;
  switch (kind) {
    case "ok":
    case "empty-body":
      return undefined;
    case "not-json":
      return "the response is not JSON";
    case "too-large":
      return "the response is too large to read";
    case "status":
      // "The server answered 404 Not Found" only repeats the status; a redirect's reason says more.
      return result.response && (result.response.status < 300 || result.response.status > 399) ? undefined : reason ?? undefined;
    default:
      return reason ?? undefined;
  }
}

/** A request that cannot be built takes the failure branch, as any other call that gets no answer. */
function notSent(problems: readonly RequestProblem[]): CallOutcome {
  const first = problems[0];
  const reason = first.code === "missing-value" ? unsetMessage(first.message) : first.message;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? "s" : ""})` : "";
  return { branch: "failure", reason: `not sent: ${reason}${more}`, timeMs: 0, source: "network" };
}

/** The request module words a missing value for "Run test call"; in a conversation it is simply unset. */
function unsetMessage(message: string): string {
  const name = /\{\{([^{}]+)\}\}/.exec(message)?.[1];
  return name ? `{{${name}}} has no value at this point of the conversation` : message;
}
