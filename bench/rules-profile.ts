// Time per rule on the generated 10,000-line flow: finds the rule to optimise.
// Run: node bench/run.mjs bench/rules-profile.ts
import { buildDocument } from "../server/src/core/analysis/document";
import { parse } from "../server/src/core/syntax/parse";
import { RULES } from "../server/src/core/rules/index";
import { NO_SAMPLES } from "../server/src/core/samples/step-sample";
import { generateFlow } from "./generate-flow";
import { fmt, median, timeMs } from "./stats";

const flow = generateFlow(10_000);
const doc = buildDocument(flow);
const row = (name: string, fn: () => unknown) => {
  for (let i = 0; i < 5; i++) fn();
  const times = Array.from({ length: 15 }, () => timeMs(fn));
  console.log(`${name.padEnd(22)} ${fmt(median(times))}`);
};
row("parse", () => parse(flow));
row("buildDocument", () => buildDocument(flow));
for (const rule of RULES) row(rule.code, () => rule.check({ doc, samples: NO_SAMPLES, report: () => undefined }));
