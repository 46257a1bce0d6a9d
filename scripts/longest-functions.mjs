// Prints the longest functions of server/src and client/src (lines from the
// declaration to its closing brace), to watch for orchestration that grows in
// one place. Usage: node scripts/longest-functions.mjs [N]

import { readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { ROOT, SOURCE_DIRS, tsFiles as files } from "./source-files.mjs";

const root = ROOT;
const most = Number(process.argv[2] ?? 10);

function nameOf(node) {
  if (node.name && ts.isIdentifier(node.name)) return node.name.text;
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (parent && ts.isPropertyAssignment(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  return "(anonymous)";
}

const found = [];
for (const dir of SOURCE_DIRS) {
  for (const file of files(join(root, dir))) {
    const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
    const visit = (node) => {
      if (ts.isFunctionLike(node) && "body" in node && node.body) {
        const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
        const end = source.getLineAndCharacterOfPosition(node.end).line;
        found.push({ lines: end - start + 1, where: `${relative(root, file)}:${start + 1}`, name: nameOf(node) });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
}
found.sort((a, b) => b.lines - a.lines);
for (const f of found.slice(0, most)) console.log(`${String(f.lines).padStart(4)}  ${f.name}  ${f.where}`);
