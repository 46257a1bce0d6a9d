// The strict parser (strict-parser.ts, parse()'s fast path) against the
// Chevrotain grammar (parser.ts), which stays the specification: on every
// text, the strict parser answers exactly when the Chevrotain parser reports
// no syntax error, and then with the same tree. Checked on the samples, on
// hostile edits of them and on flows generated from the grammar with random
// line breaks, indentation and names, most of them correct.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseCorrect } from "../../../server/src/core/syntax/parse";
import { parseWithRecovery } from "../../../server/src/core/syntax/parse-with-recovery";
import { hostileEdit } from "../../helpers/mutations";
import { pick, prng } from "../../helpers/prng";

const SAMPLES = join(import.meta.dirname, "../../../samples");

/** Returns whether the text was correct (so the strict parser's tree was compared). */
function assertAgree(text: string, label: string): boolean {
  const strict = parseCorrect(text);
  const recovering = parseWithRecovery(text);
  const where = `${label}: ${JSON.stringify(text.slice(0, 400))}`;
  if (recovering.diagnostics.length > 0) {
    assert.equal(strict, undefined, `the strict parser read a file with syntax errors (${recovering.diagnostics[0].message}) ${where}`);
    return false;
  }
  assert.ok(strict, `the strict parser gave up on a correct file ${where}`);
  assert.deepStrictEqual(strict.ast, recovering.ast, where);
  assert.deepStrictEqual(strict.diagnostics, [], where);
  return true;
}

// ---------- flows generated from the grammar ----------

const NAMES = ["x", "order_id", "a-b", "12", "end", "say", "success", "as", "GET", "test", "on", "env", "option"];
const STRINGS = ["\"hi\"", "\"{{x}}\"", "\"a\\\"b\"", "\"\"", "\"\\u00e9 {{customer.email}}\""];
const PATHS = ["$", "x", "order.items[0].sku", "[\"odd key\"].id", "a.b", "x[1][\"k\"]", "a.", "a .b", "[0]", "end.say"];
const URLS = ["https://api.example.com/v1/{{id}}?q=1#frag", "https://x", ""];
const JSONS = ["{ \"a\": 1 }", "[1, 2]", "{{x}}", "\"s\"", "{\n  \"a\": [\n    1\n  ]\n}", ""];

class FlowWriter {
  out: string[] = [];
  constructor(private readonly next: () => number) {}

  /** Mostly a space, sometimes a line break (which a name or path must not follow). */
  private gap(): string {
    const r = this.next();
    return r < 0.85 ? " " : r < 0.95 ? "\n  " : "  \t";
  }

  /** Between statements: a new line at some indentation, sometimes a comment, rarely the same line. */
  private lineBreak(depth: number): string {
    const r = this.next();
    const comment = r < 0.1 ? " # note" : "";
    if (r > 0.97) return " ";
    const indent = this.next() < 0.8 ? "  ".repeat(depth) : " ".repeat(Math.floor(this.next() * 6));
    return `${comment}\n${indent}`;
  }

  private words(...parts: (string | undefined)[]): void {
    let line = "";
    for (const p of parts) if (p !== undefined && p !== "") line += (line ? this.gap() : "") + p;
    this.out.push(line);
  }

  private maybe(value: () => string): string | undefined {
    return this.next() < 0.5 ? value() : undefined;
  }

  private name = () => pick(this.next, NAMES);
  private str = () => pick(this.next, STRINGS);

  private secretSource(): string | undefined {
    const r = this.next();
    return r < 0.35 ? `env${this.gap()}${this.name()}` : r < 0.7 ? `secret${this.gap()}${this.str()}` : undefined;
  }

  file(): string {
    const count = 1 + Math.floor(this.next() * 6);
    let text = "";
    for (let i = 0; i < count; i++) {
      const r = this.next();
      this.out = [];
      if (r < 0.1) this.words("flow", this.maybe(this.str));
      else if (r < 0.25) this.connection();
      else this.step(0);
      text += this.out.join(this.lineBreak(0)) + this.lineBreak(0);
    }
    return text;
  }

  private block(depth: number, head: (string | undefined)[], body: () => void): void {
    this.words(...head, "{");
    const count = Math.floor(this.next() * 4);
    for (let i = 0; i < count; i++) {
      const inner: string[] = [];
      const saved = this.out;
      this.out = inner;
      body();
      this.out = saved;
      this.out[this.out.length - 1] += this.lineBreak(depth + 1) + inner.join(this.lineBreak(depth + 1));
    }
    this.out[this.out.length - 1] += `${this.lineBreak(depth)}}`;
  }

  private connection(): void {
    this.block(0, ["connection", this.maybe(this.name)], () => {
      const r = this.next();
      if (r < 0.25) this.words("bearer", this.secretSource());
      else if (r < 0.5) this.words("basic", this.maybe(this.str), this.secretSource());
      else if (r < 0.75) this.words("api_key", this.maybe(this.str), this.secretSource());
      else this.words("domain", this.str());
    });
  }

  private step(depth: number): void {
    const r = this.next();
    if (r < 0.15 || (depth > 3 && r < 0.45)) this.words("say", this.str());
    else if (r < 0.3) this.words("ask", this.name(), this.str(), ...(this.next() < 0.4 ? ["as", this.name()] : []));
    else if (r < 0.5) this.call(depth);
    else if (r < 0.65) this.menu(depth);
    else if (r < 0.75) this.words("goto", this.name());
    else if (r < 0.85) this.words("handoff", this.maybe(this.str));
    else this.words("end");
  }

  private steps(depth: number): () => void {
    return () => this.step(depth + 1);
  }

  private call(depth: number): void {
    this.block(depth, ["call", this.name(), this.maybe(this.str)], () => {
      const r = this.next();
      if (r < 0.1) this.words("description", this.str());
      else if (r < 0.25) this.out.push(`${pick(this.next, ["GET", "POST", "DELETE"])} ${pick(this.next, URLS)}`.trimEnd());
      else if (r < 0.3) this.words("connection", this.name());
      else if (r < 0.4) this.words("header", this.str(), this.maybe(this.str));
      else if (r < 0.5) this.out.push(`${pick(this.next, ["body", "example"])} ${pick(this.next, JSONS)}`.trimEnd());
      else if (r < 0.65) this.words("save", this.name(), "=", pick(this.next, PATHS));
      else if (r < 0.75) this.words("test", this.name(), "=", this.str());
      else if (r < 0.95) this.block(depth + 1, ["on", pick(this.next, ["success", "failure"])], this.steps(depth + 1));
      else this.step(depth + 1);
    });
  }

  private menu(depth: number): void {
    this.block(depth, ["menu", this.name(), this.maybe(this.str)], () => {
      this.block(depth + 1, ["option", this.maybe(this.str)], this.steps(depth + 1));
    });
  }
}

describe("strict parser agrees with the Chevrotain grammar", () => {
  const samples = readdirSync(SAMPLES).filter((f) => f.endsWith(".flow"));

  it("on every sample flow", () => {
    let correct = 0;
    for (const file of samples) if (assertAgree(readFileSync(join(SAMPLES, file), "utf8"), file)) correct++;
    assert.ok(correct >= samples.length - 1, "all but broken.flow are correct");
  });

  it("on 2,000 hostile edits of the samples", () => {
    const next = prng(0x5a1c);
    for (let i = 0; i < 2000; i++) {
      const file = samples[i % samples.length];
      const mutant = hostileEdit(readFileSync(join(SAMPLES, file), "utf8"), next);
      assertAgree(mutant.text, `${file} ${mutant.kind} #${i}`);
    }
  });

  it("on 20,000 flows generated from the grammar, correct and not", () => {
    const next = prng(0x90a1);
    let correct = 0;
    for (let i = 0; i < 20_000; i++) if (assertAgree(new FlowWriter(next).file(), `generated #${i}`)) correct++;
    // Both answers must be exercised often: the generator mostly writes correct flows.
    assert.ok(correct > 4000 && correct < 18_000, `${correct} of 20,000 generated flows were correct`);
  });

  it("on blocks nested to the depth limit and beyond", () => {
    for (const depth of [63, 64, 65, 200]) {
      const open = "call c {\n on success {\n".repeat(Math.ceil(depth / 2));
      const close = "}\n}\n".repeat(Math.ceil(depth / 2));
      assertAgree(`${open}say "deep"\n${close}`, `depth ${depth}`);
    }
  });
});
