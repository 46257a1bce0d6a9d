// Draws samples/order-status.flow's diagram in the diagram page (headless
// Chromium, VS Code's dark theme colours) with the same bundles the extension
// ships, and saves docs/images/diagram-order-status.png for the docs.
// Run from the repo's root: node build.mjs && node bench/run.mjs scripts/diagram-screenshot.ts

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { analyze } from "../server/src/core/analysis/document";
import { buildDiagram } from "../server/src/core/graph/diagram";
import { loadGraphviz } from "../server/src/core/graph/graphviz";
import { DIAGRAM_NODE_BUDGET } from "../server/src/core/graph/limit-graph";
import { toRange } from "../server/src/lsp/convert";
import { openDiagramPage } from "../bench/diagram-page";

const root = process.cwd();
const { document, diagnostics } = analyze(readFileSync(join(root, "samples/order-status.flow"), "utf8"));
// As after a successful Run test call of lookup_order.
const lastRun = (step: string) => (step === "lookup_order" ? { status: 200, statusText: "OK", durationMs: 143 } : undefined);
const diagram = buildDiagram(document, diagnostics, lastRun, await loadGraphviz(), DIAGRAM_NODE_BUDGET);
const page = await openDiagramPage("dark", { width: 900, height: 760 });
const nodes = diagram.nodes.map(({ span, ...node }) => ({ ...node, range: toRange(document.lines, span) }));
await page.draw({ type: "graph", version: 1, svg: diagram.svg, nodes, current: "call-lookup_order" });
const out = join(root, "docs/images/diagram-order-status.png");
await page.page.screenshot({ path: out });
await page.close();
console.log(out);
