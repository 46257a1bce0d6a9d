import assert from "node:assert/strict";
import { applyFix, expectClean, expectRanges } from "./kit";

const saves = (n: number, mark = false) => Array.from({ length: n }, (_, i) => {
  const line = `save v${i + 1} = data.f${i + 1}`;
  return mark && i >= 8 ? `  [[${line}]]` : `  ${line}`;
}).join("\n");
const uses = (n: number) => Array.from({ length: n }, (_, i) => `{{v${i + 1}}}`).join(" ");

const flow = (n: number, mark = false) => `call c {
  GET https://api.example.com/x
${saves(n, mark)}
  on success {
    say "${uses(n)}"
  }
}
`;

describe("rule too-many-saves", () => {
  it("reports the ninth save and every later one", () => {
    const found = expectRanges(flow(10, true), "too-many-saves", "error");
    assert.match(found[0].message, /at most 8/);
  });

  it("accepts eight saves", () => {
    expectClean(flow(8));
  });

  it("counts per call step", () => {
    expectClean(`${flow(8)}${flow(8).replace("call c", "call d")}`);
  });

  it("fixes by removing the ninth save line", () => {
    const { fixed } = applyFix(flow(9), "too-many-saves");
    assert.doesNotMatch(fixed, /save v9/);
    assert.match(fixed, /  save v8 = data\.f8\n  on success/);
  });
});
