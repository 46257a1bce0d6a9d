// Runs a flow text through the engine in memory: scripted answers, mocked or
// scripted calls, every turn collected. Engine tests read as conversations.

import { analyze } from "../../../../server/src/core/analyze";
import { parseMockResponse, withMocks, type MockResponse } from "../../../../server/src/core/engine/mock-response";
import type { CallPerformer, Question } from "../../../../server/src/core/engine/ports";
import { runFlow, type RunResult } from "../../../../server/src/core/engine/run-flow";
import type { Turn } from "../../../../server/src/core/engine/turns";

export interface PlayOptions {
  answers?: string[];
  /** step name → mock file text */
  mocks?: Record<string, string>;
  /** for steps without a mock; default: fails the test */
  performCall?: CallPerformer;
  values?: Record<string, string>;
  maxSteps?: number;
  /** reject flows with analysis errors (default true): the CLI refuses them too */
  requireValid?: boolean;
}

export interface Played {
  result: RunResult;
  turns: Turn[];
  questions: Question[];
  /** "speaker: text" lines, for compact assertions */
  lines: string[];
}

export async function play(text: string, options: PlayOptions = {}): Promise<Played> {
  const { ast, diagnostics } = analyze(text);
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (options.requireValid !== false && errors.length) throw new Error(`test flow has errors: ${errors.map((d) => `${d.code}: ${d.message}`).join("; ")}`);
  const mocks = new Map<string, MockResponse>();
  for (const [step, body] of Object.entries(options.mocks ?? {})) {
    const parsed = parseMockResponse(body);
    if (!parsed.ok) throw new Error(parsed.message);
    mocks.set(step, parsed.mock);
  }
  const unexpected: CallPerformer = async (step) => {
    throw new Error(`unexpected call ${step.name?.name}`);
  };
  const answers = [...(options.answers ?? [])];
  const turns: Turn[] = [];
  const questions: Question[] = [];
  const result = await runFlow({
    file: ast,
    values: new Map(Object.entries(options.values ?? {})),
    answer: async (question) => {
      questions.push(question);
      return answers.shift();
    },
    performCall: withMocks(mocks, options.performCall ?? unexpected),
    onTurn: (turn) => turns.push(turn),
    maxSteps: options.maxSteps,
  });
  return { result, turns, questions, lines: turns.map((t) => `${t.speaker}: ${t.text}`) };
}
