import { FlowParser } from "../server/src/core/syntax/parser";
FlowParser.validate = process.argv[2] === "v";
const t1 = performance.now();
new FlowParser();
console.log(process.argv[2] ?? "skip", (performance.now() - t1).toFixed(1));
