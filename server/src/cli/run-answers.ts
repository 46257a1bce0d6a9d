// Where a run's answers come from: a list (--answers, for CI) or the lines
// typed on stdin (a terminal or a pipe). Both print the `You: ` prompt first,
// so the output reads the same either way and a script driving a pipe can
// wait for it before writing the next line.

import { createInterface } from "node:readline/promises";
import type { AnswerSource } from "../core/index";
import { ANSWER_PROMPT } from "./run-printer";

export interface Answers {
  answer: AnswerSource;
  /** answers taken so far */
  used(): number;
  close(): void;
}

export function listAnswers(list: readonly string[], write: (text: string) => void): Answers {
  let next = 0;
  return {
    answer: async () => {
      if (next >= list.length) return undefined;
      write(ANSWER_PROMPT);
      return list[next++];
    },
    used: () => next,
    close: () => undefined,
  };
}

export function lineAnswers(input: NodeJS.ReadableStream, write: (text: string) => void): Answers {
  // terminal: false even on a TTY: the terminal's own line editing and echo
  // are enough, and readline then treats a terminal and a pipe alike.
  const rl = createInterface({ input, terminal: false, crlfDelay: Infinity });
  // The iterator buffers lines that arrive before they are asked for (a pipe delivers them all at once).
  const lines = rl[Symbol.asyncIterator]();
  let used = 0;
  let closed = false;
  return {
    answer: async () => {
      if (closed) return undefined;
      write(ANSWER_PROMPT);
      const line = await lines.next();
      if (line.done) {
        closed = true;
        write("\n");
        return undefined;
      }
      used++;
      return line.value;
    },
    used: () => used,
    close: () => {
      closed = true;
      rl.close();
    },
  };
}
