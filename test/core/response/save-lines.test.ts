import assert from "node:assert/strict";
import { parse } from "../../../server/src/core/syntax/parse";
import { analyze } from "../../../server/src/core/analyze";
import type { TextEdit } from "../../../server/src/core/types";
import { findCallStep, prepareTestRequest } from "../../../server/src/core/request/prepare-test-request";
import { runTestCall } from "../../../server/src/core/runner/test-call";
import { undiciHttp } from "../../../server/src/runtime/node-runtime";
import { responseFields } from "../../../server/src/core/response/fields";
import { insertSaveLines, suggestSaves, type ChosenSave } from "../../../server/src/core/response/save-lines";
import { startHttpsServer, type TestServer } from "../../helpers/https-server";
import { testCertificate } from "../../helpers/certificates";

let server: TestServer;
let ca: string;
before(async () => {
  ca = (await testCertificate()).cert;
  server = await startHttpsServer();
});
after(async () => {
  await server.close();
});

const apply = (text: string, edit: TextEdit) => text.slice(0, edit.span.start) + edit.newText + text.slice(edit.span.end);

/** Runs step `s` against the test server answering `body`, and returns what the editor would offer. */
async function offer(flow: string, body: unknown) {
  server.respond = (_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(typeof body === "string" ? body : JSON.stringify(body));
  };
  const text = flow.replaceAll("ORIGIN", server.origin);
  const { ast } = parse(text);
  const step = findCallStep(ast, "s")!;
  const built = await prepareTestRequest(ast, step, { resolveSecret: async () => undefined });
  assert.ok(built.ok);
  const result = await runTestCall(built.request, { http: undiciHttp, extraCaPem: [ca] });
  const list = responseFields(result);
  return { text, ast, step, list, suggestions: suggestSaves(ast, step, list.fields) };
}

const ORDER = {
  order: {
    id: 1001,
    "fulfillment-status": "shipped",
    customer: { first_name: "Ann", "e.mail": "ann@example.com" },
    items: [{ sku: "A-1", "line total": 5 }, { sku: "B-2", "line total": 7 }],
  },
  status: "ok",
};

describe("response: save lines from a real response", () => {
  it("names fields uniquely and inserts the chosen ones after the request lines", async () => {
    const flow = [
      "ask first_name \"Your name?\"",
      "ask id \"Order number?\"",
      "call s \"Look up\" {",
      "  GET ORIGIN/orders/{{id}}",
      "  header \"Accept\" \"application/json\"  # comment stays",
      "  test id = \"1001\"",
      "  on success {",
      "    say \"ok\"",
      "  }",
      "}",
      "",
    ].join("\n");
    const { text, step, suggestions } = await offer(flow, ORDER);
    const byPath = new Map(suggestions.map((s) => [s.field.path, s.name]));
    assert.deepEqual(Object.fromEntries(byPath), {
      order: "order",
      "order.id": "order_id", // `id` is asked above
      "order.fulfillment-status": "fulfillment_status",
      "order.customer": "customer",
      "order.customer.first_name": "customer_first_name", // `first_name` is asked above
      "order.customer[\"e.mail\"]": "e_mail",
      "order.items": "items",
      "order.items[0]": "items_0",
      "order.items[0].sku": "sku",
      "order.items[0][\"line total\"]": "line_total",
      status: "status",
    });
    const chosen: ChosenSave[] = ["order.fulfillment-status", "order.customer.first_name", "order.items[0][\"line total\"]"].map((path) => ({ path, name: byPath.get(path)! }));
    const inserted = insertSaveLines(text, step, chosen);
    assert.ok(inserted.ok);
    const updated = apply(text, inserted.edit);
    assert.equal(updated, text.replace("# comment stays\n", [
      "# comment stays",
      "  save fulfillment_status = order.fulfillment-status",
      "  save customer_first_name = order.customer.first_name",
      "  save line_total = order.items[0][\"line total\"]",
      "",
    ].join("\n")));
    const reparsed = findCallStep(parse(updated).ast, "s")!;
    assert.deepEqual(reparsed.saves.map((s) => s.variable?.name), ["fulfillment_status", "customer_first_name", "line_total"]);
    assert.deepEqual(analyze(updated).diagnostics.filter((d) => d.severity === "error"), []);
  });

  it("adds after the last save, skips names and paths the step already saves", async () => {
    const flow = [
      "call s {",
      "\tGET ORIGIN/orders",
      "\tsave status = status",
      "\tsave id = order.id",
      "\ton success {",
      "\t\tsay \"{{status}} {{id}}\"",
      "\t}",
      "}",
      "",
    ].join("\r\n");
    const { text, step, suggestions } = await offer(flow, { status: "ok", order: { id: 1, status: "new" } });
    assert.deepEqual(suggestions.map((s) => [s.field.path, s.name, s.alreadySavedAs]), [
      ["status", "status", "status"],
      ["order", "order", undefined],
      ["order.id", "id", "id"],
      ["order.status", "order_status", undefined],
    ]);
    const inserted = insertSaveLines(text, step, [{ name: "order_status", path: "order.status" }]);
    assert.ok(inserted.ok);
    assert.equal(apply(text, inserted.edit), text.replace("\tsave id = order.id\r\n", "\tsave id = order.id\r\n\tsave order_status = order.status\r\n"));
  });

  it("keeps the eight-save limit: the eighth goes in, a ninth is refused", async () => {
    const saves = Array.from({ length: 7 }, (_, i) => `  save v${i} = f${i}`);
    const flow = ["call s {", "  GET ORIGIN/x", ...saves, "}", ""].join("\n");
    const body = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`f${i}`, i]));
    const { text, step, suggestions } = await offer(flow, body);
    const fresh = suggestions.filter((s) => !s.alreadySavedAs).map((s) => ({ name: s.name, path: s.field.path }));
    assert.deepEqual(fresh.map((c) => c.name), ["f7", "f8", "f9"]);

    const two = insertSaveLines(text, step, fresh.slice(0, 2));
    assert.deepEqual(two, { ok: false, message: "A call step saves at most 8 fields: s has 7 already, so only 1 more can be added (2 chosen)" });

    const eighth = insertSaveLines(text, step, fresh.slice(0, 1));
    assert.ok(eighth.ok);
    const updated = apply(text, eighth.edit);
    assert.ok(updated.includes("  save v6 = f6\n  save f7 = f7\n}"));
    const full = findCallStep(parse(updated).ast, "s")!;
    assert.equal(full.saves.length, 8);
    assert.deepEqual(insertSaveLines(updated, full, [fresh[1]]), { ok: false, message: "A call step saves at most 8 fields: s has 8 already, so no more can be added (1 chosen)" });
  });

  it("lists no fields for an empty 200, and says saved variables would be skipped", async () => {
    const { list } = await offer("call s {\n  GET ORIGIN/x\n}\n", "");
    assert.deepEqual(list, { fields: [], limited: false, note: "The response body is empty: saved variables would be skipped" });
  });
});

describe("response: where save lines go", () => {
  const insert = (text: string, chosen: ChosenSave[] = [{ name: "id", path: "id" }]) => {
    const step = findCallStep(parse(text).ast, "s")!;
    const result = insertSaveLines(text, step, chosen);
    assert.ok(result.ok, !result.ok ? result.message : "");
    return apply(text, result.edit);
  };

  it("goes after a multi-line body, at the body line's indentation", () => {
    const text = "call s {\n    POST https://a.example/\n    body {\n      \"a\": 1\n    }\n    on success {\n      end\n    }\n}\n";
    assert.equal(insert(text), text.replace("    }\n    on", "    }\n    save id = id\n    on"));
  });

  it("goes before the branches when the step's lines come after them", () => {
    const text = "call s {\n  on success {\n    end\n  }\n  GET https://a.example/\n}\n";
    assert.equal(insert(text), "call s {\n  save id = id\n  on success {\n    end\n  }\n  GET https://a.example/\n}\n");
  });

  it("puts the closing brace on its own line when it shares the last line", () => {
    assert.equal(insert("call s {\n  GET https://a.example/\n  save a = b }\n"), "call s {\n  GET https://a.example/\n  save a = b\n  save id = id\n}\n");
  });

  it("refuses invalid or duplicate names", () => {
    const text = "call s {\n  GET https://a.example/\n  save id = x\n}\n";
    const step = findCallStep(parse(text).ast, "s")!;
    assert.deepEqual(insertSaveLines(text, step, [{ name: "Id", path: "id" }]), { ok: false, message: "\"Id\" is not a valid variable name: use lowercase letters, digits and underscores" });
    assert.deepEqual(insertSaveLines(text, step, [{ name: "id", path: "id" }]), { ok: false, message: "s already saves a variable named id" });
  });
});
