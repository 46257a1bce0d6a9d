import assert from "node:assert/strict";
import { parse } from "../../../server/src/core/syntax/parse";
import type { SecretSource } from "../../../server/src/core/syntax/ast";
import { findCallStep, prepareTestRequest } from "../../../server/src/core/request/prepare-test-request";
import { collectTestValues, missingTestValues } from "../../../server/src/core/request/test-values";
import type { BuildResult, PreparedRequest, RequestProblem } from "../../../server/src/core/request/prepared-request";

const noSecrets = async () => undefined;

async function build(text: string, overrides: Record<string, string> = {}, resolveSecret: (s: SecretSource) => Promise<string | undefined> = noSecrets): Promise<BuildResult> {
  const { ast } = parse(text);
  const step = findCallStep(ast, "s");
  assert.ok(step, "the test text has a call step named s");
  return prepareTestRequest(ast, step, { overrides, resolveSecret });
}

async function built(text: string, overrides: Record<string, string> = {}, resolveSecret?: (s: SecretSource) => Promise<string | undefined>): Promise<PreparedRequest> {
  const result = await build(text, overrides, resolveSecret);
  assert.ok(result.ok, `expected a request, got ${JSON.stringify(!result.ok && result.problems)}`);
  return result.request;
}

async function problems(text: string, overrides: Record<string, string> = {}, resolveSecret?: (s: SecretSource) => Promise<string | undefined>): Promise<RequestProblem[]> {
  const result = await build(text, overrides, resolveSecret);
  assert.ok(!result.ok, "expected the step to be refused");
  return result.problems;
}

const call = (lines: string) => `call s {\n  ${lines.trim().split("\n").join("\n  ")}\n}\n`;

describe("request: test values", () => {
  it("takes test lines, and typed values win over them", () => {
    const { ast } = parse(call(`GET https://a.example/{{a}}?b={{b}}\ntest a = "1"\ntest b = "2"\ntest a = "ignored"`));
    const step = findCallStep(ast, "s")!;
    const values = collectTestValues(step, { b: "typed" });
    assert.deepEqual([...values], [["a", "1"], ["b", "typed"]]);
  });

  it("lists each variable the request needs and lacks once, first use first", () => {
    const { ast } = parse(call(`POST https://a.example/{{x}}?q={{y}}\nheader "X-A" "{{x}} {{z}}"\nbody {"k": {{y}}}\ntest y = "1"`));
    const step = findCallStep(ast, "s")!;
    assert.deepEqual(missingTestValues(step, collectTestValues(step)).map((r) => r.name), ["x", "z"]);
  });
});

describe("request: URL by place", () => {
  const target = async (url: string, values: Record<string, string>) => (await built(call(`GET ${url}`), values)).target;

  it("encodes path values so they cannot add segments, and query values so they cannot add keys", async () => {
    const cases: [string, string, string][] = [
      ["a/b", "/items/a%2Fb", "?q=a%2Fb"],
      ["x&admin=1", "/items/x%26admin%3D1", "?q=x%26admin%3D1"],
      ["#", "/items/%23", "?q=%23"],
      ["?", "/items/%3F", "?q=%3F"],
      ["%41", "/items/%2541", "?q=%2541"],
      ["a+b c", "/items/a%2Bb%20c", "?q=a%2Bb%20c"],
      ["é漢", "/items/%C3%A9%E6%BC%A2", "?q=%C3%A9%E6%BC%A2"],
      ["", "/items/", "?q="],
    ];
    for (const [value, path, query] of cases) {
      assert.equal(await target("https://a.example/items/{{v}}", { v: value }), path, `path value ${JSON.stringify(value)}`);
      assert.equal(await target("https://a.example/items?q={{v}}", { v: value }), `/items${query}`, `query value ${JSON.stringify(value)}`);
    }
    assert.equal(await target("https://a.example/items?q={{v}}", { v: "../admin" }), "/items?q=..%2Fadmin");
  });

  it("refuses a path value with a period, with the spec's message", async () => {
    for (const value of ["../admin", "a.b", "."]) {
      const [p] = await problems(call(`GET https://a.example/orders/{{id}}.json`), { id: value });
      assert.equal(p.code, "period-in-path-var");
      assert.match(p.message, /^Variables added in the URL path must not contain periods: \{\{id\}\}/);
    }
  });

  it("keeps the author's literal text, encoding only what a URL cannot hold raw", async () => {
    assert.equal(await target("https://a.example/a%2Fb/c d?x=1&y=é&z={{v}}#frag", { v: "1" }), "/a%2Fb/c%20d?x=1&y=%C3%A9&z=1");
    assert.equal(await target("https://a.example", {}), "/");
  });

  it("refuses variables in the host, port, query keys and fragment", async () => {
    const cases = [
      "https://{{v}}.example/x",
      "https://a.example:{{v}}/x",
      "https://a.example/x?{{v}}=1",
      "https://a.example/x?{{v}}",
      "https://a.example/x#{{v}}",
    ];
    for (const url of cases) {
      const found = await problems(call(`GET ${url}`), { v: "1" });
      assert.equal(found.length, 1, url);
      assert.equal(found[0].code, "url", url);
    }
  });

  it("refuses anything but https, and puts the problem on the URL", async () => {
    const text = call(`GET http://a.example/x`);
    const [p] = await problems(text);
    assert.equal(p.message, "The endpoint must start with https://");
    assert.equal(text.slice(p.span.start, p.span.end), "http://");
  });

  it("points at each missing value", async () => {
    const text = call(`GET https://a.example/{{a}}?q={{b}}`);
    const found = await problems(text);
    assert.deepEqual(found.map((p) => text.slice(p.span.start, p.span.end)), ["{{a}}", "{{b}}"]);
    assert.match(found[0].message, /^No test value for \{\{a\}\}/);
  });
});

describe("request: headers and body", () => {
  it("substitutes header values and sends long values whole", async () => {
    const long = "x".repeat(4096);
    const request = await built(call(`GET https://a.example/\nheader "X-Long" "v={{t}}"`), { t: long });
    assert.deepEqual(request.headers, [["X-Long", `v=${long}`]]);
  });

  it("refuses a header value that would hold a line break", async () => {
    const [p] = await problems(call(`GET https://a.example/\nheader "X-A" "{{t}}"`), { t: "a\r\nX-Admin: 1" });
    assert.equal(p.code, "header");
  });

  it("puts values in JSON by place: escaped inside strings, typed when bare", async () => {
    const values = { q: "say \"hi\" \\ \n\t end", n: "42", f: "-1.5e3", z: "007", t: "true", nil: "null", s: "abc", u: "é漢" };
    const request = await built(call(`POST https://a.example/\nbody {"text": "<{{q}}>", "n": {{n}}, "f": {{f}}, "z": {{z}}, "t": {{t}}, "nil": {{nil}}, "s": {{s}}, "u": "{{u}}", "list": [{{n}}, "{{n}}"]}`), values);
    assert.deepEqual(JSON.parse(new TextDecoder().decode(request.body)), {
      text: "<say \"hi\" \\ \n\t end>", n: 42, f: -1500, z: "007", t: true, nil: null, s: "abc", u: "é漢", list: [42, "42"],
    });
    assert.deepEqual(request.headers, [["Content-Type", "application/json"]]);
  });

  it("keeps a Content-Type the step sets", async () => {
    const request = await built(call(`POST https://a.example/\nheader "content-type" "application/vnd.api+json"\nbody {"a": 1}`));
    assert.deepEqual(request.headers, [["content-type", "application/vnd.api+json"]]);
  });

  it("refuses a body on GET and a body that is not JSON once filled", async () => {
    assert.equal((await problems(call(`GET https://a.example/\nbody {"a": 1}`)))[0].code, "body");
    const [p] = await problems(call(`POST https://a.example/\nbody {"a": 1,}`));
    assert.equal(p.code, "body");
    assert.match(p.message, /^The body is not valid JSON once the test values are put in/);
  });
});

describe("request: connections", () => {
  const secrets: Record<string, string> = { TOKEN: "tok-123", PW: "pässword", KEY: "key-456", "secret:store": "stored-1" };
  const resolve = async (s: SecretSource) => secrets[s.kind === "env" ? s.name : `secret:${s.key}`];

  it("adds bearer, basic and api_key credentials and lists them for redaction", async () => {
    const bearer = await built(`connection c {\n  bearer env TOKEN\n}\n${call("GET https://a.example/\nconnection c")}`, {}, resolve);
    assert.deepEqual(bearer.headers, [["Authorization", "Bearer tok-123"]]);
    assert.deepEqual(bearer.redactions, { secrets: ["tok-123"], credentialHeaders: ["authorization"] });

    const basic = await built(`connection c {\n  basic "agent@example.com/token" env PW\n}\n${call("GET https://a.example/\nconnection c")}`, {}, resolve);
    const encoded = Buffer.from("agent@example.com/token:pässword", "utf8").toString("base64");
    assert.deepEqual(basic.headers, [["Authorization", `Basic ${encoded}`]]);
    assert.ok(basic.redactions.secrets.includes(encoded) && basic.redactions.secrets.includes("pässword"));

    const apiKey = await built(`connection c {\n  api_key "X-Api-Key" secret "store"\n}\n${call("GET https://a.example/\nconnection c")}`, {}, resolve);
    assert.deepEqual(apiKey.headers, [["X-Api-Key", "stored-1"]]);
  });

  it("lets the connection's header replace one the step writes", async () => {
    const request = await built(`connection c {\n  bearer env TOKEN\n}\n${call("GET https://a.example/\nheader \"authorization\" \"Bearer literal\"\nconnection c")}`, {}, resolve);
    assert.deepEqual(request.headers, [["Authorization", "Bearer tok-123"]]);
  });

  it("names a missing secret's source, never a value", async () => {
    const text = `connection c {\n  bearer env NOPE\n}\n${call("GET https://a.example/\nconnection c")}`;
    const [p] = await problems(text, {}, resolve);
    assert.equal(p.code, "missing-secret");
    assert.equal(p.message, "Connection c needs environment variable NOPE, which is not set");
    assert.equal(text.slice(p.span.start, p.span.end), "env NOPE");
  });

  it("refuses an unknown connection and a host outside the connection's domain", async () => {
    assert.equal((await problems(call("GET https://a.example/\nconnection nope")))[0].code, "connection");
    const text = `connection c {\n  bearer env TOKEN\n  domain "*.shop.example"\n}\n`;
    assert.ok(await built(text + call("GET https://acme.shop.example/\nconnection c"), {}, resolve));
    const [p] = await problems(text + call("GET https://shop.example.evil/\nconnection c"), {}, resolve);
    assert.equal(p.message, "Connection c may only be used with *.shop.example, not shop.example.evil");
  });
});
