// The flow → graph contract (docs/graph.md): a node per step and a start,
// edges next/success/failure/option/goto, continuation after a branch runs
// out, no edge out of end and handoff; on every sample, every prefix of one
// (a file being typed) and broken text.

import assert from "node:assert/strict";
import { buildDocument } from "../../../server/src/core/analysis/document";
import { buildGraph, EDGE_KINDS, NODE_KINDS, toJsonGraph, type FlowGraph } from "../../../server/src/core/graph/index";
import type { FlowFile, MenuStep, Step } from "../../../server/src/core/syntax/ast";
import { LineIndex } from "../../../server/src/core/text/line-index";
import { flowFiles } from "../features/flow-files";

function graphOf(text: string): FlowGraph {
  const doc = buildDocument(text);
  return buildGraph(doc.ast, doc.lines);
}

/** `from -kind-> to` lines, for exact comparisons. */
function edgeLines(graph: FlowGraph): string[] {
  return graph.edges.map((e) => `${e.from} -${e.kind}${e.label !== undefined ? `(${e.label})` : ""}-> ${e.to}`);
}

/** What holds of any graph, whatever the text. */
function assertWellFormed(graph: FlowGraph, text: string, label: string): void {
  const ids = new Set(graph.nodes.map((n) => n.id));
  assert.equal(ids.size, graph.nodes.length, `${label}: node ids are unique`);
  assert.equal(graph.nodes[0].kind, "start", `${label}: start first`);
  const lineCount = text.split(/\r\n|\r|\n/).length;
  for (const n of graph.nodes) {
    assert.ok(NODE_KINDS.includes(n.kind), `${label}: kind ${n.kind}`);
    assert.ok(n.line >= 1 && n.line <= lineCount, `${label}: line ${n.line} of ${n.id}`);
    assert.match(n.id, /^[A-Za-z0-9_-]+$/, `${label}: id ${n.id} is usable in SVG and CSS`);
  }
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  for (const e of graph.edges) {
    assert.ok(byId.has(e.from) && byId.has(e.to), `${label}: edge ${e.from} -> ${e.to} joins nodes`);
    assert.ok(EDGE_KINDS.includes(e.kind), `${label}: edge kind ${e.kind}`);
    const from = byId.get(e.from)!;
    assert.ok(from.kind !== "end" && from.kind !== "handoff", `${label}: nothing leaves ${from.kind}`);
    if (e.kind === "goto") assert.ok(["call", "menu"].includes(byId.get(e.to)!.kind), `${label}: goto lands on a call or menu`);
    if (e.kind === "option") assert.equal(typeof e.label, "string", `${label}: options are labelled`);
  }
}

describe("flow graph", () => {
  it("draws samples/order-status.flow step by step", () => {
    const sample = flowFiles().find((f) => f.name === "samples/order-status.flow")!;
    const graph = graphOf(sample.text);
    assert.deepEqual(graph.nodes.map((n) => `${n.id}@${n.line}`), [
      "start@1", "say-18@18", "ask-19@19", "call-lookup_order@21", "say-31@31", "say-34@34", "handoff-35@35",
      "menu-next_step@39", "say-41@41", "end-42@42", "ask-45@45", "goto-46@46", "handoff-49@49", "say-52@52", "end-53@53",
    ]);
    assert.deepEqual(edgeLines(graph), [
      "start -next-> say-18",
      "say-18 -next-> ask-19",
      "ask-19 -next-> call-lookup_order",
      "call-lookup_order -success-> say-31",
      "call-lookup_order -failure-> say-34",
      "say-31 -next-> menu-next_step",
      "say-34 -next-> handoff-35",
      "menu-next_step -option(Track the parcel)-> say-41",
      "menu-next_step -option(Check another order)-> ask-45",
      "menu-next_step -option(Talk to a person)-> handoff-49",
      "menu-next_step -option(No, thanks)-> say-52",
      "say-41 -next-> end-42",
      "ask-45 -next-> goto-46",
      "goto-46 -goto-> call-lookup_order",
      "say-52 -next-> end-53",
    ]);
    const json = toJsonGraph(graph);
    assert.deepEqual(json.nodes[3], { id: "call-lookup_order", kind: "call", line: 21, label: "Look up order", name: "lookup_order" });
    assert.deepEqual(json.nodes[0], { id: "start", kind: "start", line: 1, label: "Order status" });
  });

  it("continues after a call on an outcome it has no branch for", () => {
    const graph = graphOf([
      "call only_failure {", "  GET https://api.example.com/a", "  on failure {", '    say "failed"', "  }", "}",
      "call no_branches {", "  GET https://api.example.com/b", "}",
      "call empty_success {", "  GET https://api.example.com/c", "  on success {", "  }", "}",
      'say "after"', "",
    ].join("\n"));
    assert.deepEqual(edgeLines(graph), [
      "start -next-> call-only_failure",
      "call-only_failure -success-> call-no_branches",
      "call-only_failure -failure-> say-4",
      "say-4 -next-> call-no_branches",
      "call-no_branches -next-> call-empty_success",
      "call-empty_success -next-> say-15",
    ]);
  });

  it("continues after the outer step when nested branches run out, and stops at the end of the flow", () => {
    const graph = graphOf([
      'menu m "Pick" {',
      '  option "A" {',
      "    call c {",
      "      GET https://api.example.com/a",
      "      on success {",
      '        say "deep"',
      "      }",
      "    }",
      "  }",
      '  option "Empty" {',
      "  }",
      "}",
      'say "last"',
      "",
    ].join("\n"));
    assert.deepEqual(edgeLines(graph), [
      "start -next-> menu-m",
      "menu-m -option(A)-> call-c",
      "menu-m -option(Empty)-> say-13",
      "call-c -success-> say-6",
      "call-c -failure-> say-13",
      "say-6 -next-> say-13",
    ]);
    assert.deepEqual(graph.nodes.map((n) => n.depth), [0, 0, 1, 2, 0]);
  });

  it("has no edge for a goto to no step, and unique ids for duplicate names", () => {
    const graph = graphOf(['menu m "A" {', "}", 'menu m "B" {', "}", "goto nowhere", "goto m", ""].join("\n"));
    assert.deepEqual(graph.nodes.map((n) => n.id), ["start", "menu-m", "menu-m-2", "goto-5", "goto-6"]);
    assert.deepEqual(edgeLines(graph), ["start -next-> menu-m", "menu-m -next-> menu-m-2", "menu-m-2 -next-> goto-5", "goto-6 -goto-> menu-m"]);
  });

  it("is well formed on every sample, with a node for every step", () => {
    for (const { name, text } of flowFiles()) {
      const doc = buildDocument(text);
      const graph = buildGraph(doc.ast, doc.lines);
      assertWellFormed(graph, text, name);
      assert.equal(graph.nodes.length, doc.symbols.allSteps.length + 1, `${name}: a node per step`);
    }
  });

  it("still draws what parses in broken text and in every prefix of a sample", () => {
    for (const { name, text } of flowFiles()) {
      for (let end = 0; end <= text.length; end += name.includes("broken") ? 1 : 5) assertWellFormed(graphOf(text.slice(0, end)), text.slice(0, end), `${name}[0..${end}]`);
    }
    const broken = graphOf('say "hi" "twice"\ncall {\n  on success {\n    goto\n  }\n}\nmenu "q" {\n  option {\n    end\n  }\n}\n');
    assert.deepEqual(broken.nodes.map((n) => n.kind), ["start", "say", "call", "goto", "menu", "end"], "partial steps are still nodes");
  });

  it("walks deep nesting without growing the call stack", () => {
    // Built by hand: the tree a parser would make of 20,000 nested menus.
    const at = { start: 0, end: 1 };
    let steps: Step[] = [{ kind: "end", keywordSpan: at, span: at }];
    for (let i = 0; i < 20_000; i++) {
      const menu: MenuStep = { kind: "menu", keywordSpan: at, span: at, options: [{ span: at, steps }] };
      steps = [menu];
    }
    const file: FlowFile = { span: at, titles: [], connections: [], steps, comments: [] };
    const graph = buildGraph(file, new LineIndex("x"));
    assert.equal(graph.nodes.length, 20_002);
    assert.equal(graph.edges.length, 20_001);
  });
});
