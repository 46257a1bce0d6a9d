// `botflow run` end to end: the built CLI in a child process, driven through
// a pipe as a person would type (waiting for each prompt), and in its
// non-interactive mode against a real HTTPS server on 127.0.0.1. Usage errors
// are checked in process, which is faster and needs no build.

import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { runCommand } from "../../server/src/cli/commands/run";
import type { CliIo } from "../../server/src/cli/io";
import { testCertificate } from "../helpers/certificates";
import { header, startHttpsServer, type TestServer } from "../helpers/https-server";
import { CliProcess, REPO, runCli } from "../engine/support/cli-process";
import { tempDir, type TempDir } from "../engine/support/temp-dir";

const TOKEN = "tok-run-command-7f3a9c";

describe("botflow run", function () {
  let dir: TempDir;
  let server: TestServer;
  let caFile: string;

  before(async function () {
    this.timeout(60_000);
    execFileSync(process.execPath, ["build.mjs"], { cwd: REPO, stdio: "inherit" });
    dir = await tempDir();
    server = await startHttpsServer();
    caFile = await dir.write("ca.pem", (await testCertificate()).cert);
  });
  after(async () => {
    await server?.close();
    await dir?.remove();
  });

  describe("interactive, through a pipe", () => {
    const flow = [
      `say "Hi {{customer.name}}!"`,
      `ask email "What is your email?" as email`,
      `menu topic "What is it about?" {`,
      `  option "Billing" {`,
      `    say "Billing it is, {{email}}."`,
      `    end`,
      `  }`,
      `  option "Something else" {`,
      `    handoff "Passing you to a colleague."`,
      `  }`,
      `}`,
    ].join("\n");

    it("prompts, re-asks a bad email with a hint, offers a numbered menu and follows the choice", async () => {
      const file = await dir.write("talk.flow", flow);
      const run = new CliProcess(["run", file, "--system", "customer.name=Ada"]);
      try {
        await run.waitFor("Bot: Hi Ada!\n");
        await run.waitFor("Bot: What is your email?\n");
        await run.answer("ada.example.com");
        await run.waitFor("Bot: That doesn't look like an email address. Please type one like name@example.com.\n");
        await run.answer("ada@example.com");
        await run.waitFor("Bot: What is it about?\n  1. Billing\n  2. Something else\n");
        await run.answer("billing");
        const exit = await run.exited;
        assert.equal(exit.code, 0, exit.stderr);
        assert.match(exit.stdout, /↳ Chose option 1: Billing\nBot: Billing it is, ada@example\.com\.\n {2}↳ Conversation ended\.\n$/);
        // answers from a pipe are echoed, so the output reads as a conversation
        assert.match(exit.stdout, /You: ada@example\.com\n/);
        assert.equal(exit.stderr, "");
      } finally {
        run.kill();
      }
    });

    it("exits 4 when the input ends while the flow waits for an answer", async () => {
      const file = await dir.write("talk.flow", flow);
      const run = new CliProcess(["run", file]);
      try {
        await run.answer("ada@example.com");
        await run.waitFor("You: ");
        run.child.stdin.end();
        const exit = await run.exited;
        assert.equal(exit.code, 4);
        assert.match(exit.stderr, /the input ended while the flow was waiting for an answer/);
      } finally {
        run.kill();
      }
    });
  });

  describe("non-interactive, against an HTTPS server", () => {
    let flowFile: string;
    let answersFile: string;
    before(async () => {
      flowFile = await dir.write("lookup.flow", [
        `connection api {`,
        `  bearer env RUN_TEST_TOKEN`,
        `  domain "127.0.0.1"`,
        `}`,
        `ask email "What is your email?" as email`,
        `call find_customer "Find customer" {`,
        `  GET ${server.origin}/customers?email={{email}}`,
        `  connection api`,
        `  save first_name = customer.first_name`,
        `  save token_echo = echo`,
        `  on success {`,
        `    say "Hi {{first_name}}!"`,
        `  }`,
        `  on failure {`,
        `    say "Sorry, I could not find you."`,
        `    handoff "An agent will help you."`,
        `  }`,
        `}`,
        `say "Echo: {{token_echo}}"`,
      ].join("\n"));
      answersFile = await dir.write("answers.json", ["not an email", "ada@example.com"]);
    });

    async function run(name: string) {
      const transcript = `${dir.path}/${name}.json`;
      const exit = await runCli(["run", flowFile, "--answers", answersFile, "--transcript", transcript, "--ca", caFile, "--timeout", "5000"], { env: { RUN_TEST_TOKEN: TOKEN } });
      const text = await readFile(transcript, "utf8");
      assert.ok(!exit.stdout.includes(TOKEN) && !exit.stderr.includes(TOKEN) && !text.includes(TOKEN), "the token never shows");
      return { exit, transcript: JSON.parse(text) as { outcome: string; turns: { speaker: string; text: string; step?: string; branch?: string }[] } };
    }

    it("takes the success branch on a 200, saves fields and shows the request, status and timing", async () => {
      server.respond = (req, res) => {
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify({ customer: { first_name: "Ada" }, echo: header(req, "authorization") }));
      };
      const { exit, transcript } = await run("success");
      assert.equal(exit.code, 0, exit.stderr);
      const request = server.requests.at(-1)!;
      assert.equal(request.target, "/customers?email=ada%40example.com");
      assert.equal(header(request, "authorization"), `Bearer ${TOKEN}`);
      assert.match(exit.stdout, new RegExp(`  → GET ${server.origin.replace(/\./g, "\\.")}/customers\\?email=ada%40example\\.com\n`));
      assert.match(exit.stdout, /  ↳ Call find_customer: HTTP 200 → success branch\. Saved first_name, token_echo\. \(\d+ ms\)\n/);
      assert.deepEqual(transcript, {
        outcome: "finished",
        turns: [
          { speaker: "bot", text: "What is your email?" },
          { speaker: "customer", text: "not an email" },
          { speaker: "bot", text: "That doesn't look like an email address. Please type one like name@example.com." },
          { speaker: "customer", text: "ada@example.com" },
          { speaker: "system", text: "Call find_customer: HTTP 200 → success branch. Saved first_name, token_echo.", step: "find_customer", branch: "success" },
          { speaker: "bot", text: "Hi Ada!" },
          // the server echoed the token: the runner redacted it before it was saved
          { speaker: "bot", text: "Echo: Bearer ••••" },
          { speaker: "system", text: "End of the flow." },
        ],
      });
    });

    it("takes the failure branch on a 404 and hands off", async () => {
      server.respond = (_req, res) => {
        res.statusCode = 404;
        res.end(`{"error": "no such customer"}`);
      };
      const { exit, transcript } = await run("failure");
      assert.equal(exit.code, 0, exit.stderr);
      assert.deepEqual(transcript.turns.slice(4), [
        { speaker: "system", text: "Call find_customer: HTTP 404 → failure branch.", step: "find_customer", branch: "failure" },
        { speaker: "bot", text: "Sorry, I could not find you." },
        { speaker: "bot", text: "An agent will help you." },
        { speaker: "system", text: "Handed off to an agent." },
      ]);
      assert.equal(transcript.outcome, "handoff");
    });

    it("leaves saved variables unset after an empty 200: the message skips them", async () => {
      server.respond = (_req, res) => res.end();
      const { exit, transcript } = await run("empty");
      assert.equal(exit.code, 0, exit.stderr);
      assert.deepEqual(transcript.turns.slice(4, 7).map((t) => t.text), [
        "Call find_customer: HTTP 200 → success branch. Unset (empty response body): first_name, token_echo.",
        "Hi !",
        "Echo: ",
      ]);
    });

    it("takes the failure branch when the certificate is not trusted", async () => {
      const exit = await runCli(["run", flowFile, "--answers", answersFile], { env: { RUN_TEST_TOKEN: TOKEN } });
      assert.equal(exit.code, 0, exit.stderr);
      assert.match(exit.stdout, /↳ Call find_customer: TLS error with 127\.0\.0\.1: .* → failure branch\./);
      assert.ok(!exit.stdout.includes(TOKEN));
    });
  });

  it("stops a goto loop at --max-steps with exit 5", async () => {
    const file = await dir.write("loop.flow", [
      `call poll {`,
      `  GET https://api.example.com/status`,
      `  on failure {`,
      `    say "Still waiting..."`,
      `    goto poll`,
      `  }`,
      `}`,
    ].join("\n"));
    const mock = await dir.write("poll.json", { status: 503 });
    const transcript = `${dir.path}/loop.json`;
    const exit = await runCli(["run", file, "--mock", `poll=${mock}`, "--max-steps", "30", "--answers", await dir.write("none.json", []), "--transcript", transcript]);
    assert.equal(exit.code, 5);
    assert.equal(exit.stdout.match(/Still waiting/g)?.length, 10);
    assert.match(exit.stdout, /↳ Stopped after 30 steps: the flow may loop through goto forever\.\n$/);
    assert.match(exit.stderr, /stopped after 30 steps, probably a goto loop; raise the limit with --max-steps/);
    assert.equal(JSON.parse(await readFile(transcript, "utf8")).outcome, "step-limit");
  });

  describe("--samples: every call from its recorded sample, no network", () => {
    const flow = [
      `connection shop {`,
      `  bearer env SAMPLES_TOKEN_NOT_SET`,
      `}`,
      `call find_customer {`,
      `  GET https://shop.example.com/customers/1`,
      `  connection shop`,
      `  save first_name = customer.first_name`,
      `  on success {`,
      `    say "Hi {{first_name}}!"`,
      `  }`,
      `}`,
      `call lookup_order {`,
      `  GET https://shop.example.com/orders/1`,
      `  on failure {`,
      `    say "No order."`,
      `  }`,
      `}`,
      `call never_recorded {`,
      `  GET https://shop.example.com/other`,
      `  on failure {`,
      `    say "Nothing recorded."`,
      `  }`,
      `}`,
    ].join("\n");
    const sample = (status: number, body: unknown) => ({ status, recorded: "2026-11-30T09:15:00.000Z", body });

    async function writeSamples(flowName: string, files: Record<string, unknown>): Promise<void> {
      const folder = `${dir.path}/.botflow/samples/${flowName}`;
      await mkdir(folder, { recursive: true });
      for (const [step, content] of Object.entries(files)) await writeFile(`${folder}/${step}.json`, typeof content === "string" ? content : JSON.stringify(content));
    }

    it("plays each call from its sample (status, body, branch) and takes the failure branch for a step without one", async () => {
      const file = await dir.write("offline.flow", flow);
      await writeSamples("offline", { find_customer: sample(200, { customer: { first_name: "Ada" } }), lookup_order: sample(404, { error: "no such order" }), removed_step: "{not json" });
      const before = server.requests.length;
      const transcript = `${dir.path}/offline.json`;
      const exit = await runCli(["run", file, "--samples", "--answers", await dir.write("none.json", []), "--transcript", transcript], { cwd: dir.path });
      assert.equal(exit.code, 0, exit.stderr);
      assert.equal(server.requests.length, before, "nothing was sent");
      assert.ok(!exit.stdout.includes("→ GET"), "no request line: nothing was sent");
      assert.deepEqual((JSON.parse(await readFile(transcript, "utf8")) as { turns: { text: string }[] }).turns.map((t) => t.text), [
        "Call find_customer (sample): HTTP 200 → success branch. Saved first_name.",
        "Hi Ada!",
        "Call lookup_order (sample): HTTP 404 → failure branch.",
        "No order.",
        "Call never_recorded (sample): no sample recorded: record one with botflow test FILE never_recorded --record → failure branch.",
        "Nothing recorded.",
        "End of the flow.",
      ]);
    });

    it("lets --mock answer a step before its sample", async () => {
      const file = await dir.write("mocked.flow", flow);
      await writeSamples("mocked", { find_customer: sample(200, { customer: { first_name: "Ada" } }) });
      const mock = await dir.write("grace.json", { customer: { first_name: "Grace" } });
      const exit = await runCli(["run", file, "--samples", "--mock", `find_customer=${mock}`, "--answers", await dir.write("none.json", [])], { cwd: dir.path });
      assert.equal(exit.code, 0, exit.stderr);
      assert.match(exit.stdout, /Call find_customer \(mock\): HTTP 200 → success branch\. Saved first_name\.\nBot: Hi Grace!/);
    });

    it("refuses to start when a step's sample file cannot be used (exit 2), naming the file and why", async () => {
      const file = await dir.write("bad-sample.flow", flow);
      await writeSamples("bad-sample", { lookup_order: "" });
      let stderr = "";
      const code = await runCommand([file, "--samples", "--answers", await dir.write("none.json", [])], { stdout: () => undefined, stderr: (t) => (stderr += t), cwd: dir.path, env: {}, isTty: false });
      assert.equal(code, 2);
      assert.equal(stderr, "botflow run: --samples: .botflow/samples/bad-sample/lookup_order.json: the file is empty\n");
    });
  });

  it("exits 4 with a clear message when the answers run out", async () => {
    const file = await dir.write("two.flow", `ask a "First?"\nask b "Second?"\nsay "{{a}} {{b}}"`);
    const answers = await dir.write("one.json", ["only one"]);
    const exit = await runCli(["run", file, "--answers", answers]);
    assert.equal(exit.code, 4);
    assert.match(exit.stderr, /the answers ran out: .*one\.json has 1 answer and the flow asked for another/);
    assert.match(exit.stdout, /Bot: Second\?\n {2}↳ Stopped: no answer to "Second\?"\.\n$/);
  });

  it("refuses a file with errors, printing them as botflow check does, exit 1", async () => {
    const file = await dir.write("bad.flow", `say "Hi {{nobody}}"\ngoto nowhere\n`);
    const exit = await runCli(["run", file], { cwd: dir.path });
    assert.equal(exit.code, 1);
    assert.equal(exit.stdout, "");
    const lines = exit.stderr.trim().split("\n");
    assert.match(lines[0], /^bad\.flow:1:9: error undefined-var: /);
    assert.match(lines[1], /^bad\.flow:2:6: error unknown-step: /);
    assert.equal(lines[2], "botflow run: bad.flow has 2 errors; fix them before running the flow");
  });

  describe("usage errors (exit 2)", () => {
    async function usage(argv: string[]): Promise<{ code: number; stderr: string }> {
      let stderr = "";
      const io: CliIo = { stdout: () => undefined, stderr: (t) => (stderr += t), cwd: dir.path, env: {}, isTty: false };
      return { code: await runCommand(argv, io), stderr };
    }

    it("explains each bad argument", async () => {
      const file = await dir.write("ok.flow", `call c {\n  GET https://api.example.com/x\n}\n`);
      await dir.write("bad-answers.json", `{"a": 1}`);
      await dir.write("bad-mock.json", `{nope`);
      const cases: [string[], RegExp][] = [
        [[], /name the \.flow file to run/],
        [[file, "other.flow"], /one FILE only/],
        [["missing.flow"], /cannot read missing\.flow: ENOENT/],
        [[file, "--var", "Bad=1"], /--var Bad: a variable name has only lowercase letters/],
        [[file, "--var", "customer.name=x"], /system variables are set with --system/],
        [[file, "--var", "novalue"], /--var takes NAME=VALUE/],
        [[file, "--system", "customer.age=3"], /not a system variable/],
        [[file, "--system", "customer.authenticated=yes"], /true or false/],
        [[file, "--mock", "nope=x.json"], /has no call step named nope/],
        [[file, "--mock", "c=bad-mock.json"], /--mock c=bad-mock\.json: not valid JSON/],
        [[file, "--answers", "bad-answers.json"], /must be a JSON array of strings/],
        [[file, "--max-steps", "0"], /--max-steps takes a whole number above 0/],
        [[file, "--ca", "bad-answers.json"], /--ca bad-answers\.json holds no PEM certificate/],
        [[file], /no input to answer from/],
        [[file, "--frobnicate"], /Unknown option '--frobnicate'/],
      ];
      for (const [argv, message] of cases) {
        const result = await usage(argv);
        assert.equal(result.code, 2, argv.join(" "));
        assert.match(result.stderr, message, argv.join(" "));
      }
    });

    it("prints its help", async () => {
      let out = "";
      const code = await runCommand(["--help"], { stdout: (t) => (out += t), stderr: () => undefined, cwd: dir.path, env: {}, isTty: false });
      assert.equal(code, 0);
      assert.match(out, /Usage: botflow run FILE/);
      assert.match(out, /--answers FILE\.json/);
    });
  });
});
