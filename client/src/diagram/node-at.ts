// The drawn node of the step under the cursor: the innermost node whose
// range holds the position (the start node's range is the whole file).

import type { DiagramNode } from "./messages";

interface Pos {
  line: number;
  character: number;
}

const before = (a: Pos, b: Pos) => a.line < b.line || (a.line === b.line && a.character <= b.character);

export function nodeAt(nodes: readonly DiagramNode[], position: Pos): DiagramNode | undefined {
  let best: DiagramNode | undefined;
  for (const node of nodes) {
    if (!before(node.range.start, position) || !before(position, node.range.end)) continue;
    // Nested steps start later than the steps holding them.
    if (!best || before(best.range.start, node.range.start)) best = node;
  }
  return best;
}
