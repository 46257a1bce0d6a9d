// Prints figures of the source tree's import graph: the circles (strongly
// connected groups of modules that import each other, directly or not) in
// server/src and client/src, and which core modules the shells (lsp/, cli/)
// import directly. Type-only imports count: they tie modules together too.
// Usage: node scripts/import-graph.mjs [--list]

import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { ROOT, SOURCE_DIRS, tsFiles as files } from "./source-files.mjs";

const root = ROOT;
const list = process.argv.includes("--list");

function resolveImport(from, spec) {
  if (!spec.startsWith(".")) return undefined;
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, join(base, "index.ts")]) {
    if (candidate.endsWith(".ts") && existsSync(candidate)) return candidate;
  }
  return undefined;
}

const graph = new Map();
for (const dir of SOURCE_DIRS) {
  for (const file of files(join(root, dir))) {
    const info = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    graph.set(file, info.importedFiles.map((i) => resolveImport(file, i.fileName)).filter(Boolean));
  }
}

// Tarjan's strongly connected components, iteratively (no recursion on graph depth).
function components() {
  let index = 0;
  const idx = new Map(),
    low = new Map(),
    onStack = new Set(),
    stack = [],
    out = [];
  for (const start of graph.keys()) {
    if (idx.has(start)) continue;
    const work = [[start, 0]];
    idx.set(start, index);
    low.set(start, index);
    index++;
    stack.push(start);
    onStack.add(start);
    while (work.length) {
      const frame = work[work.length - 1];
      const [node, i] = frame;
      const next = graph.get(node) ?? [];
      if (i < next.length) {
        frame[1]++;
        const to = next[i];
        if (!graph.has(to)) continue;
        if (!idx.has(to)) {
          idx.set(to, index);
          low.set(to, index);
          index++;
          stack.push(to);
          onStack.add(to);
          work.push([to, 0]);
        } else if (onStack.has(to)) low.set(node, Math.min(low.get(node), idx.get(to)));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1][0];
        low.set(parent, Math.min(low.get(parent), low.get(node)));
      }
      if (low.get(node) === idx.get(node)) {
        const group = [];
        let member;
        do {
          member = stack.pop();
          onStack.delete(member);
          group.push(member);
        } while (member !== node);
        const selfLoop = (graph.get(node) ?? []).includes(node);
        if (group.length > 1 || selfLoop) out.push(group);
      }
    }
  }
  return out;
}

const rel = (f) => relative(root, f);
const circles = components();
console.log(`import circles: ${circles.length}${circles.length ? " " : ""}${circles.length ? `(${circles.map((c) => c.length).join(", ")} modules)` : ""}`);
if (list) for (const c of circles) console.log(`  ${c.map(rel).sort().join("\n  ")}\n`);

const core = join(root, "server/src/core") + "/";
for (const shell of ["lsp", "cli"]) {
  const reached = new Set();
  for (const [file, imports] of graph) {
    if (!file.startsWith(join(root, "server/src", shell) + "/")) continue;
    for (const to of imports) if (to.startsWith(core)) reached.add(rel(to));
  }
  console.log(`core modules imported by ${shell}/: ${reached.size}${list ? `\n  ${[...reached].sort().join("\n  ")}` : ""}`);
}
const both = new Set();
for (const [file, imports] of graph) {
  if (!/server\/src\/(lsp|cli)\//.test(file)) continue;
  for (const to of imports) if (to.startsWith(core)) both.add(to);
}
console.log(`core modules imported by lsp/ and cli/ together: ${both.size}`);
