import { expectNone, expectRanges } from "./kit";

const flow = (url: string) => `ask section "Which section?"
call c {
  GET ${url}
}
`;

describe("rule var-in-fragment", () => {
  it("reports a variable after #", () => {
    expectRanges(flow("https://docs.example.com/guide#[[{{section}}]]"), "var-in-fragment", "error");
  });

  it("reports it after a query, next to text, and after a ? inside the fragment", () => {
    expectRanges(flow("https://docs.example.com/guide?a=1#part-[[{{section}}]]"), "var-in-fragment", "error");
    expectRanges(flow("https://docs.example.com/guide#top?x=[[{{section}}]]"), "var-in-fragment", "error");
  });

  it("accepts a literal fragment and variables before it", () => {
    expectNone(flow("https://docs.example.com/{{section}}?s={{section}}#top"), "var-in-fragment");
  });
});
