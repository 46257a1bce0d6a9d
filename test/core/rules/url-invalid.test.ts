import assert from "node:assert/strict";
import { expectClean, expectNone, expectRanges } from "./kit";

const call = (url: string) => `call c {
  GET ${url}
}
`;

describe("rule url-invalid", () => {
  it("reports a URL without a scheme on the whole URL", () => {
    expectRanges(call("[[api.example.com/orders]]"), "url-invalid", "error");
  });

  it("reports a port out of range on the port", () => {
    expectRanges(call("https://api.example.com:[[99999]]/x"), "url-invalid", "error");
  });

  it("reports a port that is not a number, or zero", () => {
    expectRanges(call("https://api.example.com:[[80a]]/x"), "url-invalid", "error");
    expectRanges(call("https://api.example.com:[[0]]/x"), "url-invalid", "error");
  });

  it("reports a space on the space", () => {
    expectRanges(call("https://api.example.com/my[[ ]]orders"), "url-invalid", "error");
  });

  it("explains a comment written after the URL", () => {
    const [d] = expectRanges(call("https://api.example.com/x[[ # the orders]]"), "url-invalid", "error");
    assert.match(d.message, /line of its own/);
  });

  it("reports a missing host", () => {
    expectRanges(call("[[https]]:///orders"), "url-invalid", "error");
  });

  it("reports a host the URL parser rejects", () => {
    expectRanges(call("[[https://api.exa<mple.com/x]]"), "url-invalid", "error");
  });

  it("accepts valid URLs: ports, IPv6, user info, query, fragment, escapes", () => {
    for (const url of [
      "https://api.example.com/orders",
      "https://api.example.com:8443/orders",
      "https://[::1]:8443/x",
      "https://api.example.com/a%20b?q=%C3%A9&x=&y#top",
      "https://api.example.com?q=1",
    ]) expectClean(call(url));
  });

  it("accepts an empty port, which means the default one", () => {
    expectClean(call("https://api.example.com:/x"));
  });

  it("does not blame variables: a variable in the port is var-in-domain only", () => {
    expectClean(call("https://api.example.com/orders/{{conversation.id}}?c={{conversation.channel}}"));
    expectNone(`ask port "Port?"
call c {
  GET https://{{port}}:{{port}}@api.example.com:{{port}}/x
}
`, "url-invalid");
    expectRanges(`ask port "Port?"
call c {
  GET https://api.example.com:[[{{port}}]]/x
}
`, "var-in-domain", "error");
    expectRanges(`ask port "Port?"
call c {
  GET https://api.example.com:{{port}}/x[[ ]]y
}
`, "url-invalid", "error");
  });
});
