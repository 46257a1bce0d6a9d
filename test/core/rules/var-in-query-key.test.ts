import { expectNone, expectRanges } from "./kit";

const flow = (url: string) => `ask field "Which field?"
call c {
  GET ${url}
}
`;

describe("rule var-in-query-key", () => {
  it("reports a variable that is a query key", () => {
    expectRanges(flow("https://api.example.com/search?[[{{field}}]]=1"), "var-in-query-key", "error");
  });

  it("reports a variable inside a later key, and in a key without a value", () => {
    expectRanges(flow("https://api.example.com/search?a=1&by_[[{{field}}]]=desc"), "var-in-query-key", "error");
    expectRanges(flow("https://api.example.com/search?a=1&[[{{field}}]]"), "var-in-query-key", "error");
  });

  it("accepts variables as query values, even next to text or after =", () => {
    expectNone(flow("https://api.example.com/search?q={{field}}&r=pre{{field}}post&s=a={{field}}"), "var-in-query-key");
  });
});
