// Turns as a person reads them in a terminal. The conversation goes to
// stdout: `Bot:` lines, numbered menu options, `You:` answers, and the
// engine's notes indented with `↳` (with a call's request and timing,
// which transcripts leave out).

import type { Turn } from "../core/index";

export const ANSWER_PROMPT = "You: ";

export interface PrinterOptions {
  /** print answers after the prompt: when they come from a file or a pipe, nothing else shows them */
  echoAnswers: boolean;
}

export function formatTurn(turn: Turn, options: PrinterOptions): string {
  switch (turn.speaker) {
    case "bot": {
      let out = `Bot: ${indentLines(turn.text, "     ")}\n`;
      turn.options?.forEach((label, i) => {
        out += `  ${i + 1}. ${label}\n`;
      });
      return out;
    }
    case "customer":
      return options.echoAnswers ? `${turn.text}\n` : "";
    case "system": {
      let out = "";
      if (turn.call?.request) out += `  → ${turn.call.request}\n`;
      // Only a request that went out has a time worth showing (mocks and unsent requests take none).
      const timing = turn.call?.request ? ` (${turn.call.timeMs} ms)` : "";
      return `${out}  ↳ ${indentLines(turn.text, "    ")}${timing}\n`;
    }
  }
}

function indentLines(text: string, indent: string): string {
  return text.split("\n").join(`\n${indent}`);
}
