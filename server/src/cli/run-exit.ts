// Exit statuses of `botflow run` (docs/cli-run.md lists them): the shared
// ones, plus one for each way a conversation can be stopped before its end.
// 3 is left out on purpose: `botflow test` uses it for "took the failure branch".

import { EXIT } from "./io";
import type { RunOutcome } from "../core/index";

export const RUN_EXIT = {
  ...EXIT,
  /** the answers (--answers file or stdin) ran out while the flow was waiting for one */
  noAnswer: 4,
  /** --max-steps steps ran without the conversation ending (usually a goto loop) */
  stepLimit: 5,
  /** interrupted (Ctrl-C) */
  cancelled: 130,
} as const;

export function exitCodeOf(outcome: RunOutcome): number {
  switch (outcome) {
    case "end":
    case "handoff":
    case "finished":
      return RUN_EXIT.ok;
    case "no-answer":
      return RUN_EXIT.noAnswer;
    case "step-limit":
      return RUN_EXIT.stepLimit;
    case "cancelled":
      return RUN_EXIT.cancelled;
    case "broken-goto":
      // Only a file with errors has one, and those are refused before the run starts.
      return RUN_EXIT.errors;
  }
}
