// The engine's only ways out: asking for an answer, performing a call, and
// reporting turns. Shells plug in readline, a list of answers, the HTTP
// runner or mock responses; the engine itself touches no I/O.

import type { AskType, CallStep } from "../syntax/ast";
import type { Turn } from "./turns";

/** What the engine waits for an answer to (its bot turn has already been emitted). */
export type Question =
  | { kind: "ask"; prompt: string; variable: string; type: AskType; attempt: number }
  | { kind: "menu"; prompt: string; step?: string; options: string[]; attempt: number };

/** Resolves with the customer's answer, or undefined when no more answers will come (input ended). */
export type AnswerSource = (question: Question) => Promise<string | undefined>;

/** What happened when a call step ran, whether sent for real or answered by a mock. */
export interface CallOutcome {
  branch: "success" | "failure";
  /** the HTTP status of the last response; absent when none arrived (timeout, network error, not sent) */
  status?: number;
  /** why, in one line, already free of secrets; absent on a plain success */
  reason?: string;
  /** the parsed JSON response; absent when the body was empty, not JSON or cut off */
  json?: { value: unknown };
  timeMs: number;
  /** the request as sent, redacted */
  request?: string;
  /** sent for real, answered by a --mock file, or played from a recorded sample (--samples) */
  source: "network" | "mock" | "sample";
}

/** Performs one call step with the conversation's current variable values. Never throws for an HTTP problem. */
export type CallPerformer = (step: CallStep, values: ReadonlyMap<string, string>, signal?: AbortSignal) => Promise<CallOutcome>;

export type TurnListener = (turn: Turn) => void;
