import assert from "node:assert/strict";
import { recordSample } from "../../../server/src/core/samples/record-sample";
import { parseSample } from "../../../server/src/core/samples/sample";
import type { Redactions } from "../../../server/src/core/request/prepared-request";
import { prng } from "../../helpers/prng";
import { randomJson } from "../../helpers/random-json";

const TOKEN = "tok-sample-9f8e7d6c5b";
const NUMERIC = "4815162342";
const BASIC = Buffer.from(`agent@example.com:${TOKEN}`).toString("base64");
const redactions: Redactions = { secrets: [TOKEN, BASIC, NUMERIC], credentialHeaders: ["authorization", "x-api-key"] };
const NOW = new Date("2026-11-30T09:15:00.000Z");

describe("recording a sample", () => {
  it("writes status, recorded, kept headers and the body, and reads back as the same sample", () => {
    const result = recordSample({ status: 200, statusText: "OK", headers: [["Content-Type", "application/json"], ["Date", "Mon, 30 Nov 2026 09:15:00 GMT"], ["X-Request-Id", "abc"]], json: { value: { order: { id: 1 } } } }, redactions, NOW);
    assert.ok(result.ok);
    assert.equal(result.text, `{
  "status": 200,
  "statusText": "OK",
  "recorded": "2026-11-30T09:15:00.000Z",
  "headers": {
    "content-type": "application/json"
  },
  "body": {
    "order": {
      "id": 1
    }
  }
}
`);
    assert.deepEqual(parseSample(result.text), { ok: true, sample: result.sample });
  });

  it("never keeps a secret the API echoes back: values, keys, numbers, escaped and encoded forms, headers", () => {
    const echoed = {
      echo: `Bearer ${TOKEN}`,
      [TOKEN]: "as a key",
      nested: [{ deep: { token: TOKEN, basic: `Basic ${BASIC}`, url: `https://x/?t=${encodeURIComponent(TOKEN)}` } }],
      pin: Number(NUMERIC),
      long: `${"a".repeat(490)}${TOKEN}${"b".repeat(600)}`, // the cut falls inside the token: masked first
    };
    const result = recordSample({
      status: 200,
      headers: [["Authorization", `Bearer ${TOKEN}`], ["X-Api-Key", TOKEN], ["X-Echo", TOKEN], ["Set-Cookie", "sid=s3cr3t"]],
      json: { value: echoed },
    }, redactions, NOW);
    assert.ok(result.ok);
    for (const secret of [TOKEN, BASIC, NUMERIC, TOKEN.slice(0, 12), "s3cr3t"]) assert.ok(!result.text.includes(secret), `${secret} leaked:\n${result.text}`);
    assert.equal(result.sample.headers.authorization, "Bearer ••••");
    assert.equal(result.sample.headers["x-api-key"], "••••");
    assert.equal(result.sample.headers["x-echo"], "••••");
    assert.equal((result.sample.json!.value as { pin: unknown }).pin, "••••");
  });

  it("refuses, rather than leaks, when a secret survives value masking (it spans JSON syntax)", () => {
    const sneaky: Redactions = { secrets: ['a",\n    "b'], credentialHeaders: [] };
    const result = recordSample({ status: 200, headers: [], json: { value: ["a", "b"] } }, sneaky, NOW);
    assert.deepEqual(result, { ok: false, message: "a credential shows in the response in a form that cannot be masked, so no sample was kept" });
  });

  it("records a response without JSON: its status, and why no path can be checked", () => {
    const result = recordSample({ status: 200, headers: [["content-type", "text/html"]], reason: `the response is not JSON (echo ${TOKEN})` }, redactions, NOW);
    assert.ok(result.ok);
    assert.equal(result.sample.json, undefined);
    assert.equal(result.sample.reason, "the response is not JSON (echo ••••)");
    assert.ok(!result.text.includes('"body"'));
    assert.equal(parseSample(result.text).ok, true);
  });

  it("seeded: random bodies with the token planted anywhere never keep it, and always parse back (seed 2026)", () => {
    const next = prng(2026);
    for (let round = 0; round < 200; round++) {
      const body = randomJson(next, 0, [TOKEN, NUMERIC, BASIC]);
      const result = recordSample({ status: 200, headers: [], json: { value: body } }, redactions, NOW);
      assert.ok(result.ok, `round ${round}`);
      for (const secret of [TOKEN, NUMERIC, BASIC]) assert.ok(!result.text.includes(secret), `round ${round}: ${secret} leaked`);
      assert.equal(parseSample(result.text).ok, true, `round ${round}`);
    }
  });
});
