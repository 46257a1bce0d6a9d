import { strict as assert } from "node:assert";
import { play } from "./support/play";
import type { CallOutcome } from "../../../server/src/core/engine/ports";

describe("engine: runFlow", () => {
  it("says messages with variables substituted and unset ones skipped", async () => {
    const { lines, result } = await play(`say "Hi {{customer.name}}, you are {{customer.email}}!"`, { values: { "customer.name": "Ada" } });
    assert.deepEqual(lines, ["bot: Hi Ada, you are !", "system: End of the flow."]);
    assert.equal(result.outcome, "finished");
  });

  it("stores a valid answer and re-asks a bad email with a hint", async () => {
    const { lines, questions } = await play(`ask email "Email?" as email\nsay "Got {{email}}"`, { answers: ["not-an-email", " ada@example.com "] });
    assert.deepEqual(lines, [
      "bot: Email?",
      "customer: not-an-email",
      "bot: That doesn't look like an email address. Please type one like name@example.com.",
      "customer:  ada@example.com ",
      "bot: Got ada@example.com",
      "system: End of the flow.",
    ]);
    assert.deepEqual(questions.map((q) => q.attempt), [1, 2]);
    assert.equal(questions[0].kind === "ask" && questions[0].type, "email");
  });

  it("stops with no-answer when the answers run out", async () => {
    const { result, lines } = await play(`ask n "Number?" as number\nsay "no"`, { answers: ["x"] });
    assert.equal(result.outcome, "no-answer");
    assert.equal(lines.at(-1), `system: Stopped: no answer to "Number?".`);
  });

  it("offers numbered menu options and takes an answer by number or by label", async () => {
    const flow = `menu m "Pick" {\n option "Alpha" {\n  say "A"\n }\n option "Beta Gamma" {\n  say "B"\n }\n}\nsay "after"`;
    const byNumber = await play(flow, { answers: ["2"] });
    assert.deepEqual(byNumber.turns[0], { speaker: "bot", text: "Pick", step: "m", options: ["Alpha", "Beta Gamma"] });
    assert.deepEqual(byNumber.lines.slice(1), ["customer: 2", "system: Chose option 2: Beta Gamma", "bot: B", "bot: after", "system: End of the flow."]);
    assert.equal(byNumber.turns[2].branch, "Beta Gamma");
    const byLabel = await play(flow, { answers: ["7", "  beta   gamma "] });
    assert.deepEqual(byLabel.lines.slice(1, 5), ["customer: 7", "bot: Please answer with a number from 1 to 2, or type an option as shown.", "customer:   beta   gamma ", "system: Chose option 2: Beta Gamma"]);
  });

  it("takes the success branch, saves fields and continues after the call", async () => {
    const flow = [
      `call c {`,
      `  GET https://api.example.com/x`,
      `  save name = customer.name`,
      `  save tags = tags`,
      `  save whole = $`,
      `  save first_tag = tags[0]`,
      `  save missing = no.such.path`,
      `  save nothing = gone`,
      `  on success {`,
      `    say "{{name}}|{{tags}}|{{first_tag}}|{{missing}}|{{nothing}}"`,
      `  }`,
      `}`,
      `say "{{whole}}"`,
    ].join("\n");
    const body = { customer: { name: "Ada" }, tags: ["a", "b"], gone: null };
    const { lines, turns } = await play(flow, { mocks: { c: JSON.stringify(body) } });
    assert.deepEqual(lines, [
      "system: Call c (mock): HTTP 200 → success branch. Saved name, tags, whole, first_tag; unset (not in the response): missing, nothing.",
      `bot: Ada|["a","b"]|a||`,
      `bot: ${JSON.stringify(body)}`,
      "system: End of the flow.",
    ]);
    assert.equal(turns[0].branch, "success");
    assert.equal(turns[0].step, "c");
  });

  it("takes the failure branch on a non-2xx status, with saves unset", async () => {
    const flow = `call c {\n GET https://api.example.com/x\n save v = a\n on success {\n  say "ok {{v}}"\n }\n on failure {\n  say "failed"\n  end\n }\n}\nsay "not reached"`;
    const { lines, result } = await play(flow, { mocks: { c: `{"status": 404, "body": {"a": 1}}` } });
    assert.deepEqual(lines, ["system: Call c (mock): HTTP 404 → failure branch.", "bot: failed", "system: Conversation ended."]);
    assert.equal(result.outcome, "end");
    assert.equal(result.values.has("v"), false);
  });

  it("leaves saves unset after an empty 200, so the message skips them", async () => {
    const flow = `call c {\n GET https://api.example.com/x\n save first_name = first_name\n on success {\n  say "Hi {{first_name}}!"\n }\n}`;
    const { lines } = await play(flow, { mocks: { c: "" } });
    assert.deepEqual(lines.slice(0, 2), ["system: Call c (mock): HTTP 200 → success branch. Unset (empty response body): first_name.", "bot: Hi !"]);
  });

  it("shows a transport error as the reason for the failure branch", async () => {
    const flow = `call c {\n GET https://api.example.com/x\n on failure {\n  handoff "Agent!"\n }\n}`;
    const { lines, result } = await play(flow, { mocks: { c: `{"error": "No complete answer within 10 ms (timeout)"}` } });
    assert.deepEqual(lines, ["system: Call c (mock): No complete answer within 10 ms (timeout) → failure branch.", "bot: Agent!", "system: Handed off to an agent."]);
    assert.equal(result.outcome, "handoff");
  });

  it("passes the conversation's values to the performer and reports its timing", async () => {
    let seen: Map<string, string> | undefined;
    const performCall = async (_step: unknown, values: ReadonlyMap<string, string>): Promise<CallOutcome> => {
      seen = new Map(values);
      return { branch: "success", status: 201, timeMs: 12, request: "GET https://api.example.com/x?q=1", source: "network", json: { value: { id: 7 } } };
    };
    const flow = `ask q "Q?"\ncall c {\n GET https://api.example.com/x?q={{q}}\n save id = id\n}\nsay "{{id}}"`;
    const { turns, lines } = await play(flow, { answers: ["1"], performCall, values: { "customer.authenticated": "false" } });
    assert.deepEqual([...(seen ?? [])], [["customer.authenticated", "false"], ["q", "1"]]);
    assert.deepEqual(turns[2].call, { timeMs: 12, source: "network", status: 201, request: "GET https://api.example.com/x?q=1" });
    assert.equal(lines[3], "bot: 7");
  });

  it("turns a performer that throws into the failure branch", async () => {
    const flow = `call c {\n GET https://api.example.com/x\n on failure {\n  say "f"\n }\n}`;
    const { lines } = await play(flow, { performCall: async () => { throw new Error("boom"); } });
    assert.deepEqual(lines.slice(0, 2), ["system: Call c: the call could not be made: boom → failure branch.", "bot: f"]);
  });

  it("jumps with goto to a nested step and continues after its enclosing step", async () => {
    const flow = [
      `menu top "Top" {`,
      `  option "Go" {`,
      `    call inner {`,
      `      GET https://api.example.com/x`,
      `      on success {`,
      `        say "inner ok"`,
      `      }`,
      `    }`,
      `    say "after inner"`,
      `  }`,
      `}`,
      `say "after top"`,
      `menu again "Again?" {`,
      `  option "Yes" {`,
      `    goto inner`,
      `  }`,
      `  option "No" {`,
      `    end`,
      `  }`,
      `}`,
    ].join("\n");
    const { lines, result } = await play(flow, { answers: ["1", "1", "2"], mocks: { inner: "{}" } });
    assert.deepEqual(lines.filter((l) => l.startsWith("bot: ") && !l.includes("?") && l !== "bot: Top"), [
      "bot: inner ok", "bot: after inner", "bot: after top",
      "bot: inner ok", "bot: after inner", "bot: after top",
    ]);
    assert.ok(lines.includes("system: Go to inner."));
    assert.equal(result.outcome, "end");
  });

  it("stops a goto loop at the step limit", async () => {
    const flow = `call poll {\n GET https://api.example.com/x\n on failure {\n  say "again"\n  goto poll\n }\n}`;
    const { result, lines } = await play(flow, { mocks: { poll: `{"status": 503}` }, maxSteps: 10 });
    assert.equal(result.outcome, "step-limit");
    assert.equal(result.steps, 10);
    assert.equal(lines.at(-1), "system: Stopped after 10 steps: the flow may loop through goto forever.");
  });

  it("ends on handoff and end, and runs past the last step", async () => {
    assert.equal((await play(`handoff`)).result.outcome, "handoff");
    assert.deepEqual((await play(`handoff`)).lines, ["system: Handed off to an agent."]);
    assert.equal((await play(`say "x"\nend`)).result.outcome, "end");
    assert.equal((await play(``)).result.outcome, "finished");
  });

  it("substitutes variables in prompts, menu questions and labels", async () => {
    const flow = `ask n "Name?" as name\nask e "Email for {{n}}?" as email\nmenu m "{{n}}, pick" {\n option "Mail {{e}}" {\n  end\n }\n}`;
    const { turns } = await play(flow, { answers: ["Ada", "a@b.co", "1"] });
    assert.equal(turns[2].text, "Email for Ada?");
    assert.deepEqual(turns[4].options, ["Mail a@b.co"]);
    assert.equal(turns[4].text, "Ada, pick");
  });

  it("stops at a goto that names no step (only in files with errors)", async () => {
    const { result } = await play(`goto nowhere`, { requireValid: false });
    assert.equal(result.outcome, "broken-goto");
  });
});
