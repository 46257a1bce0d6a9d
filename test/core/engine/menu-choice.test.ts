import { strict as assert } from "node:assert";
import { chooseOption } from "../../../server/src/core/engine/menu-choice";

describe("engine: menu choice", () => {
  const labels = ["Track the parcel", "Talk to a person", "10 things"];

  it("takes an option's number, from 1", () => {
    assert.deepEqual(chooseOption(" 2 ", labels), { ok: true, index: 1 });
  });

  it("takes a label, ignoring case and extra spaces", () => {
    assert.deepEqual(chooseOption("talk  TO a person", labels), { ok: true, index: 1 });
  });

  it("takes a label that is a number when no option has that number", () => {
    assert.deepEqual(chooseOption("10 things", labels), { ok: true, index: 2 });
  });

  it("refuses numbers out of range and unknown text with a hint", () => {
    for (const answer of ["0", "4", "parcel", ""]) {
      const choice = chooseOption(answer, labels);
      assert.deepEqual(choice, { ok: false, hint: "Please answer with a number from 1 to 3, or type an option as shown." }, answer);
    }
  });
});
