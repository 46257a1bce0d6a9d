import assert from "node:assert/strict";
import { parseSample, sampleText, type ResponseSample } from "../../../server/src/core/samples/sample";

describe("sample files: parse and write", () => {
  const sample: ResponseSample = {
    status: 200,
    statusText: "OK",
    recorded: "2026-11-30T09:15:00.000Z",
    headers: { "content-type": "application/json" },
    json: { value: { order: { id: 1, tags: [] }, note: null } },
    capped: [{ path: "order.tags", kept: 20, of: 99, allShapes: true }],
  };

  it("round-trips: the text written parses back to the same sample", () => {
    const text = sampleText(sample);
    assert.match(text, /^\{\n  "status": 200,\n  "statusText": "OK",\n  "recorded": "2026-11-30T09:15:00\.000Z",\n  "headers": /);
    assert.ok(text.endsWith("}\n"));
    assert.deepEqual(parseSample(text), { ok: true, sample });
  });

  it("keeps a JSON null body apart from no body, and a reason when there is none", () => {
    const nullBody = parseSample(`{"status": 200, "recorded": "2026-11-30T09:15:00Z", "body": null}`);
    assert.ok(nullBody.ok && nullBody.sample.json && nullBody.sample.json.value === null);
    const none = parseSample(`{"status": 502, "recorded": "2026-11-30T09:15:00+02:00", "reason": "the response is not JSON"}`);
    assert.ok(none.ok && !none.sample.json && none.sample.reason === "the response is not JSON");
    assert.equal(sampleText(none.ok ? none.sample : sample).includes('"body"'), false);
  });

  it("accepts extra keys a later version may add", () => {
    assert.equal(parseSample(`{"status": 200, "recorded": "2026-11-30T09:15:00Z", "body": 1, "future": true}`).ok, true);
  });

  it("gives one clear reason for every bad file, and never throws", () => {
    const cases: [string, RegExp][] = [
      ["", /^the file is empty$/],
      [" \n\t", /^the file is empty$/],
      ["{", /^it is not valid JSON \(.+\)$/],
      ['{"status": 200, "body": "a\nb', /^it is not valid JSON \([^\n]+\)$/],
      ["null", /^it is not a JSON object/],
      ["[]", /^it is not a JSON object/],
      ['"text"', /^it is not a JSON object/],
      ['{"recorded": "2026-11-30T09:15:00Z", "body": 1}', /^"status" must be an HTTP status/],
      ['{"status": "200", "recorded": "2026-11-30T09:15:00Z", "body": 1}', /^"status" must be/],
      ['{"status": 200.5, "recorded": "2026-11-30T09:15:00Z", "body": 1}', /^"status" must be/],
      ['{"status": 200, "body": 1}', /^"recorded" must be an ISO time/],
      ['{"status": 200, "recorded": "yesterday", "body": 1}', /^"recorded" must be an ISO time/],
      ['{"status": 200, "recorded": "2026-13-45T99:00:00Z", "body": 1}', /^"recorded" must be an ISO time/],
      ['{"status": 200, "recorded": "2026-11-30T09:15:00Z"}', /^it has no "body"/],
      ['{"status": 200, "recorded": "2026-11-30T09:15:00Z", "reason": ""}', /^it has no "body"/],
      ['{"status": 200, "recorded": "2026-11-30T09:15:00Z", "body": 1, "reason": 5}', /^"reason" must be a string$/],
      ['{"status": 200, "statusText": 1, "recorded": "2026-11-30T09:15:00Z", "body": 1}', /^"statusText" must be a string$/],
      ['{"status": 200, "recorded": "2026-11-30T09:15:00Z", "body": 1, "headers": {"a": 1}}', /^"headers" must be an object of strings$/],
      ['{"status": 200, "recorded": "2026-11-30T09:15:00Z", "body": 1, "headers": []}', /^"headers" must be/],
      ['{"status": 200, "recorded": "2026-11-30T09:15:00Z", "body": 1, "capped": [{"path": "a"}]}', /^"capped" must be a list/],
    ];
    for (const [text, reason] of cases) {
      const result = parseSample(text);
      assert.equal(result.ok, false, text);
      if (!result.ok) {
        assert.match(result.message, reason, text);
        assert.ok(!/[\r\n]/.test(result.message), `one line: ${result.message}`);
      }
    }
  });

  it("reads a sample nested far deeper than any stack", () => {
    const deep = `{"status": 200, "recorded": "2026-11-30T09:15:00Z", "body": ${"[".repeat(100_000)}${"]".repeat(100_000)}}`;
    assert.equal(parseSample(deep).ok, true);
  });
});
