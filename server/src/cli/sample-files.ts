// The CLI reads and writes samples with the same Node code as the language
// server (runtime/sample-files.ts): one reader, one atomic writer.

export { loadFlowSamples, writeSampleFile } from "../runtime/sample-files";
