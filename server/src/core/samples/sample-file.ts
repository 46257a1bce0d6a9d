// Where a call step's recorded sample lives: next to the flow, at
// `.botflow/samples/<flow file name without .flow>/<STEP>.json`. Pure string
// work on the flow's path (a file path with `/` or `\`, or a `file://` URI),
// so the core computes it and every shell reads and writes the same file.

/** A step name is an identifier (`[A-Za-z0-9_][A-Za-z0-9_-]*`), so it is a safe file name; anything else gets none. */
const SAFE_STEP = /^[A-Za-z0-9_][A-Za-z0-9_-]*$/;

/** The sample file of `step`, in the flow's own form (same separator; a URI stays a URI); undefined for a name that is no identifier. */
export function sampleFilePath(flowPath: string, step: string): string | undefined {
  if (!SAFE_STEP.test(step)) return undefined;
  const cut = Math.max(flowPath.lastIndexOf("/"), flowPath.lastIndexOf("\\"));
  const folder = cut >= 0 ? flowPath.slice(0, cut + 1) : "";
  const separator = cut >= 0 ? flowPath[cut] : "/";
  return `${folder}${relativeSamplePath(flowPath.slice(cut + 1), step, separator)}`;
}

/** The same path relative to the flow's folder, for messages: `.botflow/samples/order/lookup_order.json`. */
export function relativeSamplePath(flowFileName: string, step: string, separator = "/"): string {
  const base = flowFileName.endsWith(".flow") && flowFileName.length > 5 ? flowFileName.slice(0, -5) : flowFileName;
  return [".botflow", "samples", base, `${step}.json`].join(separator);
}

/** The folder holding every sample of one flow (to list or remove them). */
export function sampleFolderPath(flowPath: string): string {
  const file = sampleFilePath(flowPath, "x")!;
  return file.slice(0, file.length - "x.json".length - 1);
}
