import assert from "node:assert/strict";
import { MASK, redactHeaders, redactJson, redactText, viewRequest } from "../../../server/src/core/request/redact";
import type { Redactions } from "../../../server/src/core/request/prepared-request";

const redactions: Redactions = { secrets: ["s3cr\"et/+", "QmFzaWM="], credentialHeaders: ["authorization", "x-key"] };

describe("request: redaction", () => {
  it("shows credential headers by kind only", () => {
    assert.deepEqual(redactHeaders([
      ["Authorization", "Bearer s3cr\"et/+"],
      ["authorization", "Basic QmFzaWM="],
      ["X-Key", "s3cr\"et/+"],
      ["Cookie", "session=abc"],
      ["Accept", "application/json"],
    ], redactions), [
      ["Authorization", `Bearer ${MASK}`],
      ["authorization", `Basic ${MASK}`],
      ["X-Key", MASK],
      ["Cookie", MASK],
      ["Accept", "application/json"],
    ]);
  });

  it("replaces a secret anywhere in text, as is, JSON-escaped or percent-encoded", () => {
    assert.equal(redactText(`a s3cr"et/+ b {"t":"s3cr\\"et/+"} c=s3cr%22et%2F%2B`, redactions), `a ${MASK} b {"t":"${MASK}"} c=${MASK}`);
  });

  it("scrubs keys and values of parsed JSON", () => {
    assert.deepEqual(redactJson({ "s3cr\"et/+": ["x QmFzaWM= y", 1, null] }, redactions), { [MASK]: [`x ${MASK} y`, 1, null] });
  });

  it("scrubs parsed JSON of any depth without recursion, __proto__ keys kept as data", () => {
    const depth = 100_000;
    const parsed = JSON.parse(`${"[".repeat(depth)}{"__proto__": "s3cr\\"et/+", "k": 1}${"]".repeat(depth)}`);
    let inner = redactJson(parsed, redactions) as unknown;
    for (let i = 0; i < depth; i++) inner = (inner as unknown[])[0];
    assert.equal(Object.getPrototypeOf(inner), Object.prototype);
    assert.deepEqual(Object.entries(inner as object), [["__proto__", MASK], ["k", 1]]);
    assert.deepEqual(redactJson("QmFzaWM=", redactions), MASK);
    assert.deepEqual(redactJson(null, redactions), null);
  });

  it("views a request with its URL, headers and body scrubbed", () => {
    const view = viewRequest({
      method: "POST",
      url: "https://a.example/?k=s3cr%22et%2F%2B",
      headers: [["Authorization", "Bearer s3cr\"et/+"]],
      body: new TextEncoder().encode(`{"echo": "QmFzaWM="}`),
      redactions,
    });
    assert.deepEqual(view, { method: "POST", url: `https://a.example/?k=${MASK}`, headers: [["Authorization", `Bearer ${MASK}`]], body: `{"echo": "${MASK}"}` });
  });
});
