import { strict as assert } from "node:assert";
import { mockOutcome, parseMockResponse } from "../../../server/src/core/engine/mock-response";

function mock(text: string) {
  const parsed = parseMockResponse(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.mock;
}

describe("engine: mock responses", () => {
  it("reads any JSON as a 200 body", () => {
    assert.deepEqual(mock(`{"order": {"id": 1}}`), { kind: "response", status: 200, json: { value: { order: { id: 1 } } } });
    assert.deepEqual(mock(`[1, 2]`), { kind: "response", status: 200, json: { value: [1, 2] } });
    // a body with a "status" that is not an HTTP status is a body
    assert.deepEqual(mock(`{"status": "shipped"}`), { kind: "response", status: 200, json: { value: { status: "shipped" } } });
  });

  it("reads an envelope with status and optional body", () => {
    assert.deepEqual(mock(`{"status": 404, "body": {"error": "no"}}`), { kind: "response", status: 404, json: { value: { error: "no" } } });
    assert.deepEqual(mock(`{"status": 204}`), { kind: "response", status: 204 });
    assert.deepEqual(mock(`{"status": 200, "body": null}`), { kind: "response", status: 200, json: { value: null } });
  });

  it("reads an empty file as a 200 with an empty body", () => {
    assert.deepEqual(mock("  \n"), { kind: "response", status: 200 });
  });

  it("reads an error as no response at all", () => {
    assert.deepEqual(mock(`{"error": "connection refused"}`), { kind: "error", reason: "connection refused" });
    assert.deepEqual(mockOutcome(mock(`{"error": "timeout"}`)), { branch: "failure", reason: "timeout", timeMs: 0, source: "mock" });
  });

  it("turns statuses into branches: 2xx success, anything else failure", () => {
    assert.equal(mockOutcome(mock(`{"status": 201}`)).branch, "success");
    assert.equal(mockOutcome(mock(`{"status": 302}`)).branch, "failure");
    assert.equal(mockOutcome(mock(`{"status": 500}`)).branch, "failure");
  });

  it("explains files it cannot read", () => {
    assert.match((parseMockResponse("{nope") as { message: string }).message, /^not valid JSON/);
    assert.deepEqual(parseMockResponse(`{"status": 200, "error": "x"}`), { ok: false, message: `a mock has either "status" or "error", not both` });
  });
});
