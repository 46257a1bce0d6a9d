import assert from "node:assert/strict";
import { parse } from "../../../server/src/core/syntax/parse";
import { findCallStep } from "../../../server/src/core/request/prepare-test-request";
import { valueAt } from "../../../server/src/core/response/fields";
import { summarizeTestCall } from "../../../server/src/core/response/test-call-summary";
import type { TestCallResult } from "../../../server/src/core/runner/test-call-result";

const step = findCallStep(parse("call s {\n  GET https://a.example/\n  save sku = order.items[0].sku\n  save gone = order.missing\n  save all = $\n}\n").ast, "s")!;
const body = { order: { items: [{ sku: "A-1" }] } };

function result(status: number, branch: "success" | "failure", reason: string | null): TestCallResult {
  return {
    request: { method: "GET", url: "https://a.example/", headers: [] },
    redirects: [],
    response: { status, statusText: status === 200 ? "OK" : "Not Found", headers: [], body: JSON.stringify(body), bodyBytes: 10, truncated: false, json: { value: body } },
    outcome: { branch, kind: branch === "success" ? "ok" : "status", reason },
    timeMs: 12,
  };
}

describe("response: test call summary", () => {
  it("reads values at save paths, undefined where the body has none", () => {
    assert.equal(valueAt(body, [{ kind: "key", key: "order" }, { kind: "key", key: "items" }, { kind: "index", index: 0 }, { kind: "key", key: "sku" }]), "A-1");
    assert.equal(valueAt(body, [{ kind: "key", key: "order" }, { kind: "index", index: 0 }]), undefined);
    assert.equal(valueAt(body, [{ kind: "key", key: "toString" }]), undefined);
    assert.deepEqual(valueAt(body, []), body);
  });

  it("summarizes a success with fields and the values the step's saves get", () => {
    assert.deepEqual(summarizeTestCall(result(200, "success", null), step), {
      durationMs: 12,
      status: 200,
      statusText: "OK",
      fields: [
        { path: "order", value: "{1 key}", type: "object" },
        { path: "order.items", value: "[1 item]", type: "array" },
        { path: "order.items[0]", value: "{1 key}", type: "object" },
        { path: "order.items[0].sku", value: "\"A-1\"", type: "string" },
      ],
      savedValues: { sku: "\"A-1\"", all: "{1 key}" },
    });
  });

  it("summarizes a failure with its reason and no fields", () => {
    assert.deepEqual(summarizeTestCall(result(404, "failure", "The server answered 404 Not Found"), step), {
      durationMs: 12, status: 404, statusText: "Not Found", error: "The server answered 404 Not Found",
    });
  });
});
