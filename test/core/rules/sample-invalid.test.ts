import assert from "node:assert/strict";
import { expectNone, expectRanges, withCode } from "./kit";
import { samplesOf } from "../../helpers/samples";

const FLOW = `call [[lookup_order]] {
  GET https://shop.example.com/orders/1
  save city = order.shiping.city
  on success {
    say "{{city}}"
  }
}
`;

describe("rule sample-invalid", () => {
  for (const [what, text, reason] of [
    ["not JSON", "{status: 200", /cannot be used: it is not valid JSON \(/],
    ["empty", "  \n", /cannot be used: the file is empty$/],
    ["an array", "[1, 2]", /cannot be used: it is not a JSON object with status, recorded and body$/],
    ["a status out of range", `{"status": 42, "recorded": "2026-11-30T09:15:00Z", "body": {}}`, /"status" must be an HTTP status/],
    ["missing recorded", `{"status": 200, "body": {}}`, /"recorded" must be an ISO time/],
    ["missing body", `{"status": 200, "recorded": "2026-11-30T09:15:00Z"}`, /it has no "body"/],
  ] as const) {
    it(`reports one warning on the step's name for a sample file that is ${what}`, () => {
      const samples = samplesOf({}, { lookup_order: text });
      const [d] = expectRanges(FLOW, "sample-invalid", "warning", { samples });
      assert.match(d.message, /^The recorded sample \.botflow\/samples\/flow\/lookup_order\.json of lookup_order cannot be used: /);
      assert.match(d.message, reason);
      // an unusable file checks no path
      assert.deepEqual(withCode(FLOW.replace(/\[\[|\]\]/g, ""), "save-path-missing", { samples }), []);
    });
  }

  it("says nothing for a valid sample or no sample", () => {
    const text = FLOW.replace(/\[\[|\]\]/g, "");
    expectNone(text, "sample-invalid", { samples: samplesOf({ lookup_order: { order: { shipping: { city: "Lyon" } } } }) });
    expectNone(text, "sample-invalid");
  });
});
