import { expectNone, expectRanges } from "./kit";

const flow = (url: string) => `ask sub "Which shop?"
call c {
  GET ${url}
}
say "{{sub}}"
`;

describe("rule var-in-domain", () => {
  it("reports a variable in a subdomain", () => {
    expectRanges(flow("https://[[{{sub}}]].example.com/x"), "var-in-domain", "error");
  });

  it("reports a variable that is the whole host, or part of the domain", () => {
    expectRanges(flow("https://[[{{sub}}]]/x"), "var-in-domain", "error");
    expectRanges(flow("https://shop-[[{{sub}}]].example.com/x"), "var-in-domain", "error");
    expectRanges(flow("https://shop.example.[[{{ sub }}]]/x"), "var-in-domain", "error");
  });

  it("reports a variable in the port, the scheme and the user info", () => {
    expectRanges(flow("https://api.example.com:[[{{sub}}]]/x"), "var-in-domain", "error");
    expectRanges(flow("[[{{sub}}]]://api.example.com/x"), "var-in-domain", "error");
    expectRanges(flow("https://[[{{sub}}]]@api.example.com/x"), "var-in-domain", "error");
    expectRanges(flow("https://[[{{sub}}]]:[[{{sub}}]]@[[{{sub}}]].example.com:[[{{sub}}]]/x"), "var-in-domain", "error");
  });

  it("accepts variables in the path and query values", () => {
    expectNone(flow("https://api.example.com/{{sub}}/x?shop={{sub}}"), "var-in-domain");
    expectNone(flow("https://api.example.com?shop={{sub}}"), "var-in-domain");
  });
});
