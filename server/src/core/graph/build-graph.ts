// Flow → graph, once per document version. A step's edges go to where the
// conversation continues: the next step of its block, or, when the block runs
// out, whatever follows the step that holds the block. A call without a
// branch (or with an empty one) continues there on that outcome; `goto` jumps
// to the named step; `end` and `handoff` stop. Works on a broken file too:
// every step that parsed is a node, a `goto` to no step has no edge.
// Walks with an explicit stack: nesting depth never grows the call stack.

import type { FlowFile, Step } from "../syntax/ast";
import type { LineIndex } from "../text/line-index";
import type { FlowGraph, GraphEdge, GraphNode } from "./flow-graph-model";

interface Frame {
  steps: readonly Step[];
  index: number;
  depth: number;
  /** where the conversation goes when this block runs out */
  after: string | undefined;
}

export function buildGraph(file: FlowFile, lines: LineIndex): FlowGraph {
  const start: GraphNode = { id: "start", kind: "start", line: 1, label: file.titles[0]?.name?.value || "Start", span: file.span, depth: 0 };
  const nodes: GraphNode[] = [start];
  const ids = new Map<Step, string>();
  const taken = new Set<string>(["start"]);
  const suffixes = new Map<string, number>();
  const named = new Map<string, string>();

  walk(file.steps, (step, depth) => {
    const line = lines.positionAt(step.span.start).line + 1;
    const name = stepName(step);
    const base = (step.kind === "call" || step.kind === "menu") && name ? `${step.kind}-${name}` : `${step.kind}-${line}`;
    let id = base;
    // Counting on from the last suffix of this base keeps many same-line steps linear.
    for (let n = suffixes.get(base) ?? 2; taken.has(id); n++) {
      id = `${base}-${n}`;
      suffixes.set(base, n + 1);
    }
    taken.add(id);
    ids.set(step, id);
    if ((step.kind === "call" || step.kind === "menu") && name && !named.has(name)) named.set(name, id);
    nodes.push({ id, kind: step.kind, line, label: stepLabel(step), ...(name !== undefined ? { name } : {}), span: step.span, depth });
  });

  const edges: GraphEdge[] = [];
  const first = (steps: readonly Step[] | undefined) => (steps?.length ? ids.get(steps[0]) : undefined);
  const edge = (from: string, to: string | undefined, kind: GraphEdge["kind"], label?: string) => {
    if (to !== undefined) edges.push(label === undefined ? { from, to, kind } : { from, to, kind, label });
  };
  edge("start", first(file.steps), "next");
  walk(file.steps, (step, _depth, next) => {
    const from = ids.get(step) as string;
    switch (step.kind) {
      case "say":
      case "ask":
        edge(from, next, "next");
        break;
      case "call": {
        const success = first(step.onSuccess?.steps);
        const failure = first(step.onFailure?.steps);
        if (success === undefined && failure === undefined) edge(from, next, "next");
        else {
          edge(from, success ?? next, "success");
          edge(from, failure ?? next, "failure");
        }
        break;
      }
      case "menu":
        if (!step.options.length) edge(from, next, "next");
        for (const option of step.options) edge(from, first(option.steps) ?? next, "option", option.label?.value ?? "");
        break;
      case "goto":
        edge(from, step.target ? named.get(step.target.name) : undefined, "goto");
        break;
      case "handoff":
      case "end":
        break;
    }
  }, ids);
  return { nodes, edges };
}

/**
 * Visits every step in document order (a step before the steps nested in it)
 * with its depth and the node the conversation reaches after it (when `ids` is given).
 */
function walk(top: readonly Step[], visit: (step: Step, depth: number, next: string | undefined) => void, ids?: Map<Step, string>): void {
  const stack: Frame[] = [{ steps: top, index: 0, depth: 0, after: undefined }];
  while (stack.length) {
    const frame = stack[stack.length - 1];
    if (frame.index >= frame.steps.length) {
      stack.pop();
      continue;
    }
    const step = frame.steps[frame.index++];
    const next = frame.index < frame.steps.length ? ids?.get(frame.steps[frame.index]) : frame.after;
    visit(step, frame.depth, next);
    const blocks = childBlocks(step);
    // Pushed last-first so the first block is walked first.
    for (let i = blocks.length - 1; i >= 0; i--) {
      if (blocks[i].length) stack.push({ steps: blocks[i], index: 0, depth: frame.depth + 1, after: next });
    }
  }
}

function childBlocks(step: Step): (readonly Step[])[] {
  if (step.kind === "call") return [step.onSuccess?.steps ?? [], step.onFailure?.steps ?? []];
  if (step.kind === "menu") return step.options.map((o) => o.steps);
  return [];
}

function stepName(step: Step): string | undefined {
  switch (step.kind) {
    case "call":
    case "menu":
      return step.name?.name;
    case "ask":
      return step.variable?.name;
    case "goto":
      return step.target?.name;
    default:
      return undefined;
  }
}

function stepLabel(step: Step): string {
  switch (step.kind) {
    case "say":
      return step.text?.value ?? "";
    case "ask":
      return step.prompt?.value ?? step.variable?.name ?? "";
    case "call":
      return step.displayName?.value || step.name?.name || "";
    case "menu":
      return step.question?.value || step.name?.name || "";
    case "goto":
      return step.target?.name ?? "";
    case "handoff":
      return step.message?.value ?? "";
    case "end":
      return "";
  }
}
