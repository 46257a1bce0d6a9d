// URL validity agrees with the WHATWG URL parser (Node's URL, which undici
// uses) on request-line URLs in the spirit of web-platform-tests'
// urltestdata: url-invalid is reported exactly for what the parser refuses,
// plus the forms it reads leniently that the data file marks as reported.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { analyze } from "../../../server/src/core/analyze";
import { isWhatwgUrl } from "../../../server/src/core/text/whatwg-url";

interface UrlCase {
  input: string;
  whatwg: "valid" | "invalid";
  /** why a form the parser accepts is reported anyway */
  reported?: string;
}

const DATA = join(dirname(fileURLToPath(import.meta.url)), "data", "url-cases.json");
const { cases } = JSON.parse(readFileSync(DATA, "utf8")) as { cases: UrlCase[] };

describe("url validity agrees with the WHATWG parser", () => {
  it("the data file's verdicts are the parser's", () => {
    assert.ok(cases.length > 80);
    for (const c of cases) assert.equal(isWhatwgUrl(c.input) ? "valid" : "invalid", c.whatwg, c.input);
  });

  it("keeps its verdict on non-ASCII hosts after thousands of checks (URL.canParse's fast path on Node 20/22 does not)", () => {
    const text = "call c {\n  GET https://faß.de/orders\n}\n";
    for (let i = 0; i < 20000; i++) assert.ok(isWhatwgUrl("https://faß.de/"), `call ${i}`);
    assert.deepEqual(analyze(text).diagnostics.filter((d) => d.code === "url-invalid"), []);
  });

  it("url-invalid exactly for what the parser refuses and the forms it reads leniently", () => {
    const disagree: string[] = [];
    for (const c of cases) {
      const codes = analyze(`call c {\n  GET ${c.input}\n}\n`).diagnostics.map((d) => d.code);
      const flagged = codes.includes("url-invalid");
      const expected = c.whatwg === "invalid" || c.reported !== undefined;
      if (flagged !== expected) disagree.push(`${JSON.stringify(c.input)}: WHATWG ${c.whatwg}${c.reported ? ` (reported: ${c.reported})` : ""}, url-invalid ${flagged}`);
    }
    assert.deepEqual(disagree, []);
  });
});
