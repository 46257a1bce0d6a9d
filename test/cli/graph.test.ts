// `botflow graph` end to end: the bundled CLI in a child process on the
// samples, in every format: JSON of the documented shape, DOT, Mermaid, and
// an SVG laid out offline that parses as XML and names each step.

import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { XMLParser, XMLValidator } from "fast-xml-parser";

const REPO = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const SAMPLES = ["broken.flow", "create-ticket.flow", "crm-lookup.flow", "order-status.flow", "weather-lookup.flow"];

function graph(...args: string[]) {
  const r = spawnSync(process.execPath, ["bin/botflow.js", "graph", ...args], { cwd: REPO, encoding: "utf8", timeout: 30_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Group {
  id: string;
  class: string;
  text?: { "#text": string } | { "#text": string }[];
}

describe("botflow graph", function () {
  this.timeout(60_000);
  let tmp: string;
  before(() => {
    execFileSync(process.execPath, ["build.mjs"], { cwd: REPO, stdio: "inherit" });
    tmp = mkdtempSync(join(tmpdir(), "botflow-graph-"));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it("prints JSON nodes {id, kind, line, label} and edges {from, to, kind, label?} by default", () => {
    for (const sample of SAMPLES) {
      const r = graph(`samples/${sample}`);
      assert.equal(r.status, 0, r.stderr);
      const json = JSON.parse(r.stdout) as { nodes: Record<string, unknown>[]; edges: Record<string, unknown>[] };
      assert.deepEqual(Object.keys(json), ["nodes", "edges"]);
      const ids = new Set<unknown>();
      for (const n of json.nodes) {
        assert.deepEqual(Object.keys(n).filter((k) => k !== "name"), ["id", "kind", "line", "label"], sample);
        assert.ok(typeof n.id === "string" && typeof n.kind === "string" && Number.isInteger(n.line) && (n.line as number) >= 1 && typeof n.label === "string");
        ids.add(n.id);
      }
      for (const e of json.edges) {
        assert.ok(ids.has(e.from) && ids.has(e.to), `${sample}: ${JSON.stringify(e)}`);
        assert.ok(["next", "success", "failure", "option", "goto"].includes(e.kind as string));
        assert.equal(e.label !== undefined, e.kind === "option", `${sample}: only options are labelled`);
      }
    }
    const order = JSON.parse(graph("samples/order-status.flow", "--format", "json").stdout);
    assert.deepEqual(order.nodes[3], { id: "call-lookup_order", kind: "call", line: 21, label: "Look up order", name: "lookup_order" });
    assert.deepEqual(order.edges.find((e: { kind: string }) => e.kind === "goto"), { from: "goto-46", to: "call-lookup_order", kind: "goto" });
  });

  it("draws an SVG offline: well-formed XML, a group per step with its id, and its name or title as text", () => {
    const out = join(tmp, "order.svg");
    const r = graph("samples/order-status.flow", "--format", "svg", "-o", out);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, "", "with -o nothing goes to standard output");
    const svg = readFileSync(out, "utf8");
    assert.equal(XMLValidator.validate(svg), true);
    const root = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", htmlEntities: true }).parse(svg).svg;
    assert.equal(root.xmlns, "http://www.w3.org/2000/svg");
    const steps = (root.g.g as Group[]).filter((g) => g.class.split(" ").includes("step"));
    const texts = (g: Group) => [g.text ?? []].flat().map((t) => t["#text"]).join(" ");
    const byId = new Map(steps.map((g) => [g.id, texts(g)]));
    const json = JSON.parse(graph("samples/order-status.flow").stdout) as { nodes: { id: string }[] };
    assert.deepEqual([...byId.keys()].sort(), json.nodes.map((n) => n.id).sort());
    assert.equal(byId.get("call-lookup_order"), "call lookup_order Look up order");
    assert.equal(byId.get("menu-next_step"), "menu next_step Anything else about this order?");
    assert.equal(byId.get("start"), "start Order status");
  });

  it("prints DOT and Mermaid", () => {
    const dot = graph("samples/order-status.flow", "-f", "dot");
    assert.equal(dot.status, 0, dot.stderr);
    assert.match(dot.stdout, /^digraph "Order status" \{\n/);
    assert.match(dot.stdout, /"goto-46" -> "call-lookup_order" \[[^\]]*class="link goto"/);
    assert.match(dot.stdout, /\}\n$/);
    const mermaid = graph("samples/order-status.flow", "-f", "mermaid");
    assert.equal(mermaid.status, 0, mermaid.stderr);
    assert.match(mermaid.stdout, /^flowchart TD\n/);
    assert.match(mermaid.stdout, /n3 -->\|"success"\| n4/);
  });

  it("draws a broken file from what parses and says so on stderr", () => {
    const r = graph("samples/broken.flow", "-f", "svg");
    assert.equal(r.status, 0);
    assert.equal(XMLValidator.validate(r.stdout), true);
    assert.match(r.stderr, /samples\/broken\.flow has \d+ errors; the graph shows what parses/);
  });

  it("collapses branches past --max-nodes", () => {
    const r = graph("samples/order-status.flow", "-f", "dot", "--max-nodes", "10");
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /steps collapsed \(--max-nodes 10\)/);
    assert.match(r.stdout, /class="step collapsed"/);
  });

  it("refuses bad usage with exit 2", () => {
    assert.equal(graph().status, 2);
    assert.match(graph("samples/order-status.flow", "-f", "png").stderr, /--format must be json, dot, svg, mermaid/);
    assert.equal(graph("samples/missing.flow").status, 2);
    assert.equal(graph("samples/order-status.flow", "--max-nodes", "x").status, 2);
    assert.match(graph("--help").stdout, /Usage: botflow graph FILE/);
  });
});
