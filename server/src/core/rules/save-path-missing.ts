// `save-path-missing`: a save path that the step's recorded sample (or, once
// the parser has it, its inline example) does not have. Paths the sample has
// are never flagged; array items are judged by the union of their shapes,
// and a path below a container the capping rule cut is not judged. The fix
// replaces the path with the nearest one the sample has.

import { defineRule } from "./rule";
import { replace } from "./fixes";
import { formatPath } from "../response/response-path";
import { nearestPath } from "../samples/nearest-path";
import { checkPath, pathSourceOf, sourcePaths } from "../samples/step-sample";
import type { SamplePath } from "../samples/sample-paths";

export default defineRule({
  code: "save-path-missing",
  severity: "warning",
  description: "A save path that the call step's recorded sample (or example) does not have; the fix picks the nearest path it has.",
  check({ doc, samples, report }) {
    for (const step of doc.symbols.calls) {
      const source = pathSourceOf(step, samples);
      if (!source) continue;
      let paths: SamplePath[] | undefined;
      for (const save of step.saves) {
        if (!save.path || checkPath(source, save.path.segments).kind !== "missing") continue;
        paths ??= sourcePaths(source);
        const nearest = nearestPath(save.path.segments, paths);
        const written = formatPath(save.path.segments);
        report({
          span: save.path.span,
          message: `${written} is not in the ${source.origin} of ${step.name?.name ?? "this step"}${nearest ? `: did you mean ${nearest.path}?` : ""}`,
          ...(nearest ? { fixes: [{ title: `Change to ${nearest.path}`, edits: [replace(save.path.span, nearest.path)], preferred: true }] } : {}),
        });
      }
    }
  },
});
