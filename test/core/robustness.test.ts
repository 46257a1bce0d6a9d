// Whatever the text — every prefix of every sample (what a file looks like
// while it is typed) and random mixes of flow tokens and odd characters —
// analyze() returns diagnostics without throwing, no rule throws, and every
// diagnostic is well-formed: a span inside the text and a one-line message.

import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { analyze } from "../../server/src/core/analyze";
import { prng } from "../helpers/prng";

const SAMPLES = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "samples");
const SEVERITIES = new Set(["error", "warning", "information", "hint"]);

function check(text: string, label: string): void {
  const ruleErrors: string[] = [];
  let diagnostics;
  try {
    ({ diagnostics } = analyze(text, (code, error) => ruleErrors.push(`${code}: ${error instanceof Error ? error.stack : String(error)}`)));
  } catch (error) {
    assert.fail(`analyze threw on ${label}: ${error instanceof Error ? error.stack : String(error)}\ntext: ${JSON.stringify(text)}`);
  }
  if (ruleErrors.length) assert.fail(`a rule threw on ${label}: ${ruleErrors[0]}\ntext: ${JSON.stringify(text)}`);
  for (const d of diagnostics) {
    if (!(d.span.start >= 0 && d.span.start <= d.span.end && d.span.end <= text.length) || !d.message || /[\r\n]/.test(d.message) || !SEVERITIES.has(d.severity) || !d.code) {
      assert.fail(`bad diagnostic on ${label}: ${JSON.stringify(d)}\ntext: ${JSON.stringify(text)}`);
    }
  }
}

const PIECES = [
  "flow", "connection", "bearer", "basic", "api_key", "env", "secret", "domain", "say", "ask", "as", "call", "description",
  "header", "body", "save", "test", "on", "success", "failure", "menu", "option", "goto", "handoff", "end",
  "GET", "POST", "PUT", "PATCH", "DELETE", "https://", "http://", "api.example.com", "/orders/", "?q=", "&", "#", ":8443", "@", "[::1]",
  "{", "}", "[", "]", "{{", "}}", "{{x}}", "{{customer.email}}", "{{ }}", "\"", "\"text\"", "\"{{name}}\"", "\\", "\\u00", "=", ".", "$", ",", ":",
  "order.items[0].sku", "[\"k\"]", "x", "Name", "order-id", "1001", "-1.5e3", "true", "null", "# comment", "//", "/*",
  " ", " ", "  ", "\t", "\n", "\n", "\n  ", "\r\n", "\r", "é", "😀", "\u0000", "\u2028", "\uFEFF", "\ud800",
];

function randomText(next: () => number): string {
  const parts: string[] = [];
  const n = 1 + Math.floor(next() * 60);
  for (let i = 0; i < n; i++) {
    const r = next();
    if (r < 0.75) parts.push(PIECES[Math.floor(next() * PIECES.length)]);
    else if (r < 0.9) parts.push(String.fromCharCode(Math.floor(next() * 128)));
    else parts.push(String.fromCharCode(Math.floor(next() * 0xffff)));
  }
  return parts.join("");
}

describe("robustness", function () {
  this.timeout(60_000);
  const samples = readdirSync(SAMPLES).filter((f) => f.endsWith(".flow")).sort();

  it("finds the samples", () => {
    assert.ok(samples.length >= 5, samples.join());
  });

  for (const file of samples) {
    it(`analyzes every prefix of ${file}`, () => {
      const text = readFileSync(join(SAMPLES, file), "utf8");
      for (let i = 0; i <= text.length; i++) check(text.slice(0, i), `${file} prefix ${i}`);
    });
  }

  it("analyzes every sample with one character removed at each line start and end", () => {
    for (const file of samples) {
      const text = readFileSync(join(SAMPLES, file), "utf8");
      for (let i = 0; i < text.length; i++) {
        if (text[i] !== "\n" && text[i + 1] !== "\n" && text[i - 1] !== "\n") continue;
        check(text.slice(0, i) + text.slice(i + 1), `${file} without character ${i}`);
      }
    }
  });

  it("analyzes 200 random texts", () => {
    const next = prng(20240611);
    for (let i = 0; i < 200; i++) check(randomText(next), `random text ${i} (seed 20240611)`);
  });

  it("analyzes 200 random splices of the samples", () => {
    const next = prng(7);
    const texts = samples.map((f) => readFileSync(join(SAMPLES, f), "utf8"));
    for (let i = 0; i < 200; i++) {
      const a = texts[Math.floor(next() * texts.length)];
      const b = texts[Math.floor(next() * texts.length)];
      const cut = Math.floor(next() * a.length);
      const from = Math.floor(next() * b.length);
      check(a.slice(0, cut) + randomText(next) + b.slice(from), `splice ${i} (seed 7)`);
    }
  });
});
