// What a conversation produces, one turn at a time: the bot's messages and
// questions, the customer's answers, and the system's notes on what the
// engine did (which branch a call took and why, a goto, the end). A shell
// prints turns as they come; a transcript is the list of them.

export type Speaker = "bot" | "customer" | "system";

/** A call's details that vary from run to run (timing) or are for display only. */
export interface CallDetails {
  /** the HTTP status of the last response; absent when none arrived */
  status?: number;
  /** milliseconds from sending to the end of the body */
  timeMs: number;
  /** the request as sent, redacted: `GET https://...` */
  request?: string;
  source: "network" | "mock" | "sample";
}

export interface Turn {
  speaker: Speaker;
  text: string;
  /** the named step (`call` or `menu`) the turn belongs to */
  step?: string;
  /** the branch taken: `success`/`failure` for a call, the option's label for a menu */
  branch?: string;
  /** a menu question's options, in order (answered by number from 1, or by label) */
  options?: string[];
  /** a call's details; shells show them, transcripts leave them out so they stay reproducible */
  call?: CallDetails;
}

/** A turn as a transcript stores it: only what is the same on every run. */
export interface TranscriptTurn {
  speaker: Speaker;
  text: string;
  step?: string;
  branch?: string;
  options?: string[];
}

export function transcriptTurn(turn: Turn): TranscriptTurn {
  const out: TranscriptTurn = { speaker: turn.speaker, text: turn.text };
  if (turn.step !== undefined) out.step = turn.step;
  if (turn.branch !== undefined) out.branch = turn.branch;
  if (turn.options !== undefined) out.options = [...turn.options];
  return out;
}
