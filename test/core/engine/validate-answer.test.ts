import { strict as assert } from "node:assert";
import { checkAnswer } from "../../../server/src/core/engine/validate-answer";
import type { AskType } from "../../../server/src/core/syntax/ast";

const cases: Record<AskType, { good: string[]; bad: string[] }> = {
  text: { good: ["anything at all", "1"], bad: ["", "   "] },
  email: { good: ["ada@example.com", "a.b+c@mail.example.co.uk"], bad: ["ada", "ada@example", "a b@example.com", "@example.com"] },
  number: { good: ["42", "-3.5", "+7", ".5"], bad: ["4 2", "1e5", "forty", "1,000"] },
  phone: { good: ["+1 555 123 4567", "(030) 1234567", "555-1234"], bad: ["123", "call me", "+1 555 123 4567 8901 23"] },
  name: { good: ["Ada", "Jean-Luc O'Neil", "José Ñúñez", "St. John"], bad: ["R2D2", "-Ada", "ada@example.com"] },
  url: { good: ["https://example.com/x", "example.com", "http://localhost:8080"], bad: ["not a url", "ftp://example.com", "https://nohost"] },
  date: { good: ["2024-05-31", "2024-02-29"], bad: ["2023-02-29", "31/05/2024", "2024-13-01", "tomorrow"] },
};

describe("engine: answer validation", () => {
  for (const [type, { good, bad }] of Object.entries(cases) as [AskType, { good: string[]; bad: string[] }][]) {
    it(`${type}: accepts good answers, rejects bad ones with a hint`, () => {
      for (const answer of good) assert.deepEqual(checkAnswer(answer, type), { ok: true, value: answer.trim() }, answer);
      for (const answer of bad) {
        const check = checkAnswer(answer, type);
        assert.equal(check.ok, false, answer);
        assert.ok(!check.ok && check.hint.length > 10, answer);
      }
    });
  }

  it("trims the stored answer", () => {
    assert.deepEqual(checkAnswer("  1001 ", "text"), { ok: true, value: "1001" });
  });
});
