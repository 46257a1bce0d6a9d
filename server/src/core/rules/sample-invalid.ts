// `sample-invalid`: the call step's recorded sample file exists but cannot be
// used (not JSON, empty, or not the shape docs/samples.md describes). One
// warning on the step's name; the file is left as it is (recording never
// overwrites it silently) and paths fall back to the step's example, if any.

import { defineRule } from "./rule";

export default defineRule({
  code: "sample-invalid",
  severity: "warning",
  description: "The call step's recorded sample file (.botflow/samples/FLOW/STEP.json) is not JSON, is empty or has the wrong shape.",
  check({ doc, samples, report }) {
    for (const step of doc.symbols.calls) {
      if (!step.name) continue;
      const load = samples.get(step.name.name);
      if (!load || load.ok) continue;
      const file = load.file ? ` ${load.file}` : "";
      report({ span: step.name.span, message: `The recorded sample${file} of ${step.name.name} cannot be used: ${load.message}` });
    }
  },
});
