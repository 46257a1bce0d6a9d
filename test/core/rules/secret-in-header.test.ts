import assert from "node:assert/strict";
import { expectClean, expectRanges } from "./kit";

const call = (header: string) => `call c {
  GET https://api.example.com/x
  ${header}
}
`;

describe("rule secret-in-header", () => {
  it("warns on a literal Authorization header", () => {
    const [d] = expectRanges(call(`[[header "Authorization" "Bearer abc123"]]`), "secret-in-header", "warning");
    assert.match(d.message, /connection/);
  });

  it("warns on every credential header, in any case", () => {
    for (const name of ["authorization", "Proxy-Authorization", "X-API-KEY", "Api-Key", "Cookie"]) {
      expectRanges(call(`[[header "${name}" "x"]]`), "secret-in-header", "warning");
    }
  });

  it("accepts other headers and connections", () => {
    expectClean(`connection api {
  api_key "X-Api-Key" env API_KEY
}
call c {
  GET https://api.example.com/x
  connection api
  header "Accept" "application/json"
  header "X-Api-Version" "2"
}
`);
  });
});
