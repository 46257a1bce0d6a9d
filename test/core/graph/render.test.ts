// The drawings of a graph: DOT and Mermaid text, the SVG laid out by
// Graphviz (WebAssembly, in process), a large flow cut down to a budget,
// and each error or warning placed on its step.

import assert from "node:assert/strict";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { analyze } from "../../../server/src/core/analyze";
import { buildDocument } from "../../../server/src/core/analysis/document";
import { loadGraphviz } from "../../../server/src/core/graph/graphviz";
import { buildGraph, limitGraph, problemsByNode, renderGraph, toDot, toMermaid } from "../../../server/src/core/graph/index";
import { wrap } from "../../../server/src/core/graph/node-text";
import { generateFlow } from "../../../bench/generate-flow";
import { flowFiles } from "../features/flow-files";

const sample = (name: string) => flowFiles().find((f) => f.name === `samples/${name}`)!.text;

describe("flow graph drawings", () => {
  it("writes DOT with each step's id and kind, strings escaped", () => {
    const doc = buildDocument('flow "A \\"quoted\\" \\\\ title"\nsay "line \\\\n {{customer.name}}"\ngoto nowhere\n');
    const dot = renderGraph(doc, "dot", 100).text;
    assert.match(dot, /^digraph "A \\"quoted\\" \\\\ title" \{/);
    assert.match(dot, /"say-2" \[id="say-2", class="step say", label="say\\nline \\\\n \{\{customer.name\}\}"/);
    assert.match(dot, /"start" -> "say-2" \[id="edge-0", class="link next"\]/);
  });

  it("writes a Mermaid flowchart with safe ids and escaped texts", () => {
    const mermaid = renderGraph(buildDocument(sample("order-status.flow")), "mermaid", 100).text;
    const lines = mermaid.trimEnd().split("\n");
    assert.equal(lines[0], "flowchart TD");
    // `end` is a Mermaid keyword: nodes are n0, n1, …
    assert.ok(lines.includes('  n9(("end"))'), mermaid);
    assert.ok(lines.includes('  n3[["call lookup_order<br/>Look up order"]]'), mermaid);
    assert.ok(lines.includes('  n7 -->|"Track the parcel"| n8'), mermaid);
    assert.ok(lines.includes("  n11 -.->|\"goto\"| n3"), mermaid);
    for (const line of lines.slice(1)) {
      if (line.startsWith("  %%") || line.startsWith("  class")) continue;
      // Inside quotes nothing Mermaid parses is left raw.
      for (const [, text] of line.matchAll(/"([^"]*)"/g)) assert.doesNotMatch(text.replace(/<br\/>/g, ""), /[#"<>{}[\]()|](?![0-9]+;)/, line);
    }
  });

  it("lays out an SVG whose step groups carry the step ids", async () => {
    const layout = await loadGraphviz();
    for (const { name, text } of flowFiles()) {
      const doc = buildDocument(text);
      const svg = renderGraph(doc, "svg", 1000, layout).text;
      assert.equal(XMLValidator.validate(svg), true, `${name}: the SVG is well-formed XML`);
      assert.doesNotMatch(svg, /<!DOCTYPE|https?:\/\/(?!www\.w3\.org\/(2000\/svg|1999\/xlink))/, `${name}: no remote resource`);
      const groups = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", htmlEntities: true }).parse(svg).svg.g.g as { id: string; class: string }[];
      const ids = groups.filter((g) => g.class.startsWith("node ")).map((g) => g.id);
      assert.deepEqual(ids.sort(), buildGraph(doc.ast, doc.lines).nodes.map((n) => n.id).sort(), `${name}: a group per step`);
    }
  });

  it("draws labels with characters XML forbids as well-formed SVG", async () => {
    const doc = buildDocument('say "bell \\u0007 nul \\u0000 lone \\ud800 <tag> & \\"quotes\\""\nend\n');
    assert.match(doc.ast.steps[0].kind === "say" ? doc.ast.steps[0].text!.value : "", /\u0007/);
    const svg = renderGraph(doc, "svg", 100, await loadGraphviz()).text;
    assert.equal(XMLValidator.validate(svg), true, svg);
    assert.match(svg, />bell \ufffd nul \ufffd lone \ufffd &lt;tag&gt; &amp;<\/text>/);
    assert.match(svg, />&quot;quotes&quot;<\/text>/);
  });

  it("cuts a large flow down to the budget: branches first, then the steps past it", () => {
    const doc = buildDocument(generateFlow(2000));
    const graph = buildGraph(doc.ast, doc.lines);
    const branches = limitGraph(graph, graph.nodes.length - 1);
    assert.ok(branches.nodes.every((n) => n.depth === 0 || n.kind === "collapsed"), "only top-level steps and boxes stay");
    assert.ok(branches.nodes.some((n) => n.kind === "collapsed" && n.label === "1 step"));
    const tight = limitGraph(graph, 40);
    assert.equal(tight.nodes.length, 40);
    assert.equal(tight.nodes[39].id, "more-steps");
    for (const limited of [branches, tight]) {
      const ids = new Set(limited.nodes.map((n) => n.id));
      for (const e of limited.edges) assert.ok(ids.has(e.from) && ids.has(e.to) && e.from !== e.to, `${e.from} -> ${e.to}`);
      for (const n of graph.nodes) assert.ok(ids.has(limited.shownAs.get(n.id)!), `${n.id} is shown by some node`);
      assert.equal(limited.hidden, graph.nodes.length - limited.nodes.filter((n) => n.kind !== "collapsed").length);
    }
    assert.equal(limitGraph(graph, graph.nodes.length).nodes, graph.nodes, "within the budget nothing changes");
  });

  it("places errors and warnings on the innermost step; the rest on the start node", () => {
    const { document, diagnostics } = analyze(sample("broken.flow"));
    const graph = buildGraph(document.ast, document.lines);
    const problems = problemsByNode(graph, diagnostics);
    const byLine = new Map(graph.nodes.map((n) => [n.id, n.line]));
    const expected = diagnostics.filter((d) => d.severity === "error" || d.severity === "warning");
    assert.equal([...problems.values()].reduce((sum, p) => sum + p.errors + p.warnings, 0), expected.length, "every error and warning is placed once");
    const lookup = graph.nodes.find((n) => n.id === "call-lookup_order")!;
    assert.ok(problems.get(lookup.id)!.errors >= 2, "the call's own errors are on it");
    for (const [id, p] of problems) assert.ok(id === "start" || byLine.has(id), `${id}: ${p.first}`);
    const unreachable = diagnostics.find((d) => d.code === "unreachable")!;
    const owner = [...problems.entries()].find(([, p]) => p.warnings && p.first === unreachable.message);
    assert.ok(owner, "the unreachable warning is on a step");
  });

  it("wraps labels into short lines and marks what it leaves out", () => {
    assert.deepEqual(wrap("What is your order number? It starts with a # on your receipt.", 30, 3), ["What is your order number? It", "starts with a # on your", "receipt."]);
    assert.deepEqual(wrap("a b c d e f g h", 5, 2), ["a b c", "d e …"]);
    assert.deepEqual(wrap("x".repeat(40), 10, 2), [`${"x".repeat(9)}…`]);
    assert.deepEqual(wrap("", 10, 2), []);
  });

  it("names the DOT graph after the flow", () => {
    const doc = buildDocument(sample("order-status.flow"));
    assert.match(toDot(limitGraph(buildGraph(doc.ast, doc.lines), 100), "Order status"), /^digraph "Order status"/);
    assert.match(toMermaid(limitGraph(buildGraph(doc.ast, doc.lines), 3)), /… \d+ more steps/);
  });
});
