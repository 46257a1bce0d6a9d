// The conversation simulator: plays a parsed flow step by step, the way the
// bot platform would. Questions go out through the AnswerSource port, calls
// through the CallPerformer port, and everything that happens comes back as
// turns; there is no I/O here, so the same engine serves the CLI, the editor
// and tests. Loops through `goto` are bounded by a step limit.

import type { AskStep, AskType, CallStep, FlowFile, MenuStep, Step } from "../syntax/ast";
import { askType } from "../analysis/symbols";
import { applySaves } from "./apply-saves";
import { callSummary } from "./call-summary";
import { copyCursor, enterBlock, gotoTargets, nextStep, startCursor, type Cursor } from "./cursor";
import { showText } from "./interpolate";
import { chooseOption } from "./menu-choice";
import type { AnswerSource, CallOutcome, CallPerformer, TurnListener } from "./ports";
import type { Turn } from "./turns";
import { checkAnswer } from "./validate-answer";

export const DEFAULT_MAX_STEPS = 1000;

export interface RunFlowOptions {
  file: FlowFile;
  /** the variables the conversation starts with: system values and any preset by the shell */
  values?: ReadonlyMap<string, string>;
  answer: AnswerSource;
  performCall: CallPerformer;
  onTurn: TurnListener;
  /** steps run before the engine stops (a goto loop would otherwise never end); default 1000 */
  maxSteps?: number;
  signal?: AbortSignal;
}

/**
 * How a run ended: `end`, `handoff` and `finished` (ran past the last step)
 * are a conversation's normal endings; the others mean it was stopped.
 */
export type RunOutcome = "end" | "handoff" | "finished" | "step-limit" | "no-answer" | "cancelled" | "broken-goto";

export interface RunResult {
  outcome: RunOutcome;
  /** steps run */
  steps: number;
  /** the variables when the run ended */
  values: Map<string, string>;
}

type StepResult = { stop: RunOutcome; text: string } | undefined;

export async function runFlow(options: RunFlowOptions): Promise<RunResult> {
  const run = new Conversation(options);
  return run.play();
}

class Conversation {
  private readonly values: Map<string, string>;
  private readonly cursor: Cursor;
  private readonly targets: Map<string, Cursor>;
  private readonly maxSteps: number;
  private steps = 0;

  constructor(private readonly options: RunFlowOptions) {
    this.values = new Map(options.values ?? []);
    this.cursor = startCursor(options.file);
    this.targets = gotoTargets(options.file);
    this.maxSteps = options.maxSteps ?? DEFAULT_MAX_STEPS;
  }

  async play(): Promise<RunResult> {
    for (;;) {
      if (this.options.signal?.aborted) return this.finish("cancelled", "Stopped: the run was cancelled.");
      const step = nextStep(this.cursor);
      if (!step) return this.finish("finished", "End of the flow.");
      if (this.steps >= this.maxSteps) {
        return this.finish("step-limit", `Stopped after ${this.maxSteps} steps: the flow may loop through goto forever.`);
      }
      this.steps++;
      const result = await this.step(step);
      if (result) return this.finish(result.stop, result.text);
    }
  }

  private async step(step: Step): Promise<StepResult> {
    switch (step.kind) {
      case "say":
        this.emit({ speaker: "bot", text: showText(step.text, this.values) });
        return undefined;
      case "ask":
        return this.ask(step);
      case "menu":
        return this.menu(step);
      case "call":
        return this.call(step);
      case "goto": {
        const name = step.target?.name ?? "";
        const target = this.targets.get(name);
        if (!target) return { stop: "broken-goto", text: `Stopped: goto ${name || "(no name)"} names no call or menu step.` };
        this.emit({ speaker: "system", text: `Go to ${name}.`, step: name });
        this.cursor.splice(0, this.cursor.length, ...copyCursor(target));
        return undefined;
      }
      case "handoff":
        if (step.message) this.emit({ speaker: "bot", text: showText(step.message, this.values) });
        return { stop: "handoff", text: "Handed off to an agent." };
      case "end":
        return { stop: "end", text: "Conversation ended." };
    }
  }

  private async ask(step: AskStep): Promise<StepResult> {
    const prompt = showText(step.prompt, this.values);
    const variable = step.variable?.name ?? "";
    // symbols.askType only ever answers an ask type (text when the written word is none); its declared type is wider.
    const type = askType(step) as AskType;
    this.emit({ speaker: "bot", text: prompt });
    for (let attempt = 1; ; attempt++) {
      const answer = await this.options.answer({ kind: "ask", prompt, variable, type, attempt });
      if (answer === undefined) return noAnswer(prompt);
      this.emit({ speaker: "customer", text: answer });
      const check = checkAnswer(answer, type);
      if (check.ok) {
        if (variable) this.values.set(variable, check.value);
        return undefined;
      }
      this.emit({ speaker: "bot", text: check.hint });
    }
  }

  private async menu(step: MenuStep): Promise<StepResult> {
    const prompt = showText(step.question, this.values);
    const name = step.name?.name;
    const labels = step.options.map((option) => showText(option.label, this.values));
    this.emit({ speaker: "bot", text: prompt, ...(name ? { step: name } : {}), options: labels });
    // A menu without options offers nothing to choose: the flow goes on, as after any other step.
    if (!labels.length) return undefined;
    for (let attempt = 1; ; attempt++) {
      const answer = await this.options.answer({ kind: "menu", prompt, ...(name ? { step: name } : {}), options: labels, attempt });
      if (answer === undefined) return noAnswer(prompt);
      this.emit({ speaker: "customer", text: answer });
      const choice = chooseOption(answer, labels);
      if (choice.ok) {
        const label = labels[choice.index];
        this.emit({ speaker: "system", text: `Chose option ${choice.index + 1}: ${label}`, ...(name ? { step: name } : {}), branch: label });
        enterBlock(this.cursor, step.options[choice.index].steps);
        return undefined;
      }
      this.emit({ speaker: "bot", text: choice.hint });
    }
  }

  private async call(step: CallStep): Promise<StepResult> {
    const name = step.name?.name ?? "(unnamed)";
    const outcome = await this.perform(step);
    const saves = applySaves(step, outcome, this.values);
    this.emit({
      speaker: "system",
      text: callSummary(name, outcome, saves),
      step: name,
      branch: outcome.branch,
      call: { timeMs: outcome.timeMs, source: outcome.source, ...(outcome.status !== undefined ? { status: outcome.status } : {}), ...(outcome.request ? { request: outcome.request } : {}) },
    });
    const branch = outcome.branch === "success" ? step.onSuccess : step.onFailure;
    if (branch) enterBlock(this.cursor, branch.steps);
    return undefined;
  }

  /** A performer that throws (a bug, not an HTTP problem) still leaves the conversation on its failure branch. */
  private async perform(step: CallStep): Promise<CallOutcome> {
    try {
      return await this.options.performCall(step, this.values, this.options.signal);
    } catch (error) {
      return { branch: "failure", reason: `the call could not be made: ${error instanceof Error ? error.message : String(error)}`, timeMs: 0, source: "network" };
    }
  }

  private emit(turn: Turn): void {
    this.options.onTurn(turn);
  }

  private finish(outcome: RunOutcome, text: string): RunResult {
    this.emit({ speaker: "system", text });
    return { outcome, steps: this.steps, values: this.values };
  }
}

function noAnswer(prompt: string): StepResult {
  return { stop: "no-answer", text: `Stopped: no answer to "${prompt}".` };
}
