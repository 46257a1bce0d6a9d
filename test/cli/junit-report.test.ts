import assert from "node:assert/strict";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { junitXml, type JunitSuite } from "../../server/src/cli/junit-report";

const SUITES: JunitSuite[] = [
  {
    file: "bots/order.flow",
    cases: [
      { name: "lookup_order", timeMs: 143, result: { kind: "failed", type: "response-drift", message: "lookup_order: order.status is gone from the response (saved as status)", details: "bots/order.flow:3:17: error response-drift: lookup_order: order.status is gone from the response (saved as status)" } },
      { name: "find_customer", timeMs: 20, result: { kind: "passed" } },
      { name: "create_ticket", result: { kind: "skipped", message: "not sent: Connection desk needs environment variable DESK_TOKEN, which is not set" } },
    ],
  },
  { file: "bots/empty.flow", cases: [] },
];

describe("JUnit report", () => {
  it("writes one suite per flow and one case per call step, with counts and times", () => {
    assert.equal(junitXml(SUITES, { timestamp: new Date("2026-11-30T09:15:00.123Z") }), `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="botflow test --all" tests="3" failures="1" errors="0" skipped="1" time="0.163">
  <testsuite name="bots/order.flow" tests="3" failures="1" errors="0" skipped="1" time="0.163" timestamp="2026-11-30T09:15:00">
    <testcase name="lookup_order" classname="bots/order.flow" time="0.143">
      <failure message="lookup_order: order.status is gone from the response (saved as status)" type="response-drift">bots/order.flow:3:17: error response-drift: lookup_order: order.status is gone from the response (saved as status)</failure>
    </testcase>
    <testcase name="find_customer" classname="bots/order.flow" time="0.020"/>
    <testcase name="create_ticket" classname="bots/order.flow">
      <skipped message="not sent: Connection desk needs environment variable DESK_TOKEN, which is not set"/>
    </testcase>
  </testsuite>
  <testsuite name="bots/empty.flow" tests="0" failures="0" errors="0" skipped="0" time="0.000" timestamp="2026-11-30T09:15:00">
  </testsuite>
</testsuites>
`);
  });

  it("escapes markup, quotes and line breaks so a real XML parser reads back exactly the text", () => {
    const nasty = `a & b < c > d "e" 'f' ]]> <!-- x --> line1\nline2\ttab\r\nend`;
    const xml = junitXml([{ file: `dir/"odd" & <name>.flow`, cases: [{ name: nasty, result: { kind: "failed", type: "failure-branch", message: nasty, details: nasty } }] }]);
    assert.equal(XMLValidator.validate(xml), true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", trimValues: false, processEntities: true, htmlEntities: true }).parse(xml);
    const testcase = parsed.testsuites.testsuite.testcase;
    assert.equal(testcase.classname, `dir/"odd" & <name>.flow`);
    assert.equal(testcase.name, nasty);
    assert.equal(testcase.failure.message, nasty);
    assert.equal(testcase.failure["#text"], nasty);
  });

  it("replaces characters XML 1.0 cannot hold (controls, lone surrogates) and keeps astral ones", () => {
    const text = `nul\u0000 bell\u0007 esc\u001b lone\ud800 low\udc00 ffff\uffff ok😀`;
    const xml = junitXml([{ file: "f.flow", cases: [{ name: "s", result: { kind: "skipped", message: text } }] }]);
    assert.equal(XMLValidator.validate(xml), true);
    assert.match(xml, /message="nul\uFFFD bell\uFFFD esc\uFFFD lone\uFFFD low\uFFFD ffff\uFFFD ok😀"/);
  });
});
