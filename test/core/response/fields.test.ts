import assert from "node:assert/strict";
import { analyze } from "../../../server/src/core/analyze";
import { findCallStep } from "../../../server/src/core/request/prepare-test-request";
import { flattenJson, MAX_FIELDS } from "../../../server/src/core/response/fields";
import { formatPath, type FieldSegment } from "../../../server/src/core/response/response-path";
import { nameCandidates } from "../../../server/src/core/response/save-names";
import { toSnakeCase } from "../../../server/src/core/text/snake-case";

const rows = (value: unknown) => flattenJson(value).fields.map((f) => [f.path, f.value, f.type]);

describe("response: fields", () => {
  it("flattens nested objects, lists arrays by their first element", () => {
    assert.deepEqual(rows({ order: { id: 1001, paid: true, note: null, items: [{ sku: "A-1", qty: 2 }, { sku: "B-2", qty: 1 }] } }), [
      ["order", "{4 keys}", "object"],
      ["order.id", "1001", "number"],
      ["order.paid", "true", "boolean"],
      ["order.note", "null", "null"],
      ["order.items", "[2 items]", "array"],
      ["order.items[0]", "{2 keys}", "object"],
      ["order.items[0].sku", "\"A-1\"", "string"],
      ["order.items[0].qty", "2", "number"],
    ]);
  });

  it("writes odd keys in the bracket form and a scalar body as $", () => {
    assert.deepEqual(rows({ "order-id": 1, "a.b": 2, "odd key": { id: 3 }, "": 4, GET: 5, body: 6, "{{x}}": 7 }).map((r) => r[0]), [
      "order-id", "[\"a.b\"]", "[\"odd key\"]", "[\"odd key\"].id", "[\"\"]", "[\"GET\"]", "[\"body\"]", "[\"\\u007b\\u007bx}}\"]",
    ]);
    assert.deepEqual(rows("ok"), [["$", "\"ok\"", "string"]]);
    assert.deepEqual(rows([[1]]), [["[0]", "[1 item]", "array"], ["[0][0]", "1", "number"]]);
    assert.deepEqual(rows({}), []);
  });

  it("shortens long samples and caps the list", () => {
    const [field] = flattenJson({ text: "x".repeat(500) }).fields;
    assert.equal(field.value.length, 60);
    assert.ok(field.value.endsWith("…"));
    const wide = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`k${i}`, i]));
    const flat = flattenJson(wide);
    assert.equal(flat.fields.length, MAX_FIELDS);
    assert.equal(flat.limited, true);
  });

  it("writes paths that the parser reads back as the same path", () => {
    const keys = ["id", "order-id", "a.b", "odd key", "", "GET", "body", "save", "on", "{{x}}", "quote\"back\\slash", "line\nbreak", "é漢", "123", "-lead", "#hash", "$", "[0]"];
    for (const key of keys) {
      const segments: FieldSegment[] = [{ kind: "key", key }, { kind: "index", index: 0 }, { kind: "key", key }];
      const path = formatPath(segments);
      const { ast, diagnostics } = analyze(`call s {\n  GET https://a.example/\n  save x = ${path}\n  on success {\n    say "{{x}}"\n  }\n}\n`);
      assert.deepEqual(diagnostics.filter((d) => d.severity === "error"), [], `${JSON.stringify(key)} → ${path}`);
      const save = findCallStep(ast, "s")!.saves[0];
      assert.deepEqual(save.path?.segments.map((s) => (s.kind === "key" ? { kind: "key", key: s.key } : { kind: "index", index: s.index })), segments, path);
    }
  });
});

describe("response: names", () => {
  it("snake_cases keys into valid variable names", () => {
    assert.equal(toSnakeCase("firstName"), "first_name");
    assert.equal(toSnakeCase("order-ID"), "order_id");
    assert.equal(toSnakeCase("HTTPStatus"), "http_status");
    assert.equal(toSnakeCase("Crème brûlée"), "creme_brulee");
    assert.equal(toSnakeCase("漢"), "");
  });

  it("tries the key, then parent keys, and has a fallback for keyless paths", () => {
    assert.deepEqual(nameCandidates([{ kind: "key", key: "order" }, { kind: "key", key: "items" }, { kind: "index", index: 0 }, { kind: "key", key: "sku" }]), ["sku", "items_sku", "order_items_sku"]);
    assert.deepEqual(nameCandidates([]), ["response"]);
    assert.deepEqual(nameCandidates([{ kind: "key", key: "items" }, { kind: "index", index: 1 }]), ["items_1"]);
    assert.deepEqual(nameCandidates([{ kind: "index", index: 0 }]), ["item_0"]);
    assert.deepEqual(nameCandidates([{ kind: "key", key: "漢" }]), ["item"]);
  });
});
