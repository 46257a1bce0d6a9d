import assert from "node:assert/strict";
import { buildDocument } from "../../../server/src/core/analysis/document";
import { prepareRename, rename } from "../../../server/src/core/features/rename";
import { markedCursor } from "../../helpers/markers";
import { applyEdits } from "../../helpers/edits";

const apply = applyEdits;

function renamed(source: string, newName: string): string {
  const { text, offset } = markedCursor(source);
  const result = rename(buildDocument(text), offset, newName);
  if ("error" in result) throw new Error(result.error);
  return apply(text, result.edits);
}

function refused(source: string, newName: string): string {
  const { text, offset } = markedCursor(source);
  const result = rename(buildDocument(text), offset, newName);
  assert.ok("error" in result, "expected the rename to be refused");
  return result.error;
}

describe("features: rename", () => {
  it("renames a variable at its definitions, uses and test lines", () => {
    const before = 'ask o<|>rder "x"\ncall c {\n  GET https://x.example/?id={{order}}\n  test order = "1"\n}\nsay "{{ order }}"';
    assert.equal(renamed(before, "order_id"), 'ask order_id "x"\ncall c {\n  GET https://x.example/?id={{order_id}}\n  test order_id = "1"\n}\nsay "{{ order_id }}"');
  });

  it("renames a step and its gotos, a connection and its uses", () => {
    assert.equal(renamed('menu m<|> "q" {\n  option "a" {\n    goto m\n  }\n}', "main-menu"), 'menu main-menu "q" {\n  option "a" {\n    goto main-menu\n  }\n}');
    assert.equal(renamed("connection s {\n  bearer env T\n}\ncall c {\n  connection s<|>\n}", "shop"), "connection shop {\n  bearer env T\n}\ncall c {\n  connection shop\n}");
  });

  it("refuses variable names that break ^[a-z0-9_]+$, with the rule in the message", () => {
    for (const bad of ["OrderId", "order-id", "order id", "", "ördér"]) {
      assert.match(refused('ask o<|>rder "x"', bad), /not a valid variable name: use only lowercase letters, digits and underscores/);
    }
  });

  it("refuses invalid step and connection names, and names already taken", () => {
    assert.match(refused("call c<|> {\n}", "has space"), /not a valid step name/);
    assert.match(refused("call c<|> {\n}", "GET"), /HTTP method/);
    assert.match(refused('ask a<|> "x"\nask b "y"', "b"), /already exists/);
  });

  it("refuses system variables in prepareRename and offers the name elsewhere", () => {
    const doc = buildDocument('say "{{customer.email}}"\nask order "x"');
    const system = prepareRename(doc, 9);
    assert.ok(system && "error" in system && /system variable/.test(system.error));
    const { text, offset } = markedCursor('say "hi"\nask or<|>der "x"');
    assert.deepEqual(prepareRename(buildDocument(text), offset), { span: { start: 13, end: 18 }, placeholder: "order" });
    assert.equal(prepareRename(buildDocument(text), 2), undefined);
  });
});
