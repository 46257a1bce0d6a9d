import { expectClean, expectRanges } from "./kit";

const flow = (domain: string, url: string) => `connection shop {
  bearer env SHOP_TOKEN
  domain "${domain}"
}
call c {
  GET ${url}
  connection shop
}
`;

describe("rule connection-domain", () => {
  it("reports a host outside the connection's domain", () => {
    expectRanges(flow("shop.example.com", "https://[[evil.example.net]]/collect"), "connection-domain", "error");
  });

  it("reports a subdomain when the domain is exact, and the bare domain for a wildcard", () => {
    expectRanges(flow("shop.example.com", "https://[[api.shop.example.com]]/x"), "connection-domain", "error");
    expectRanges(flow("*.example.com", "https://[[example.com]]/x"), "connection-domain", "error");
    expectRanges(flow("*.example.com", "https://[[example.com.evil.net]]/x"), "connection-domain", "error");
    expectRanges(flow("*.example.com", "https://[[badexample.com]]/x"), "connection-domain", "error");
  });

  it("reports the host even with user info and a port", () => {
    expectRanges(flow("shop.example.com", "https://me@[[other.example.com]]:8443/x"), "connection-domain", "error");
  });

  it("accepts the domain itself, any case, with a port, and subdomains of a wildcard", () => {
    expectClean(flow("shop.example.com", "https://shop.example.com/x"));
    expectClean(flow("shop.example.com", "https://Shop.Example.COM:8443/x"));
    expectClean(flow("*.example.com", "https://a.b.example.com/x"));
  });

  it("accepts any host for a connection without domain", () => {
    expectClean(`connection shop {
  bearer env SHOP_TOKEN
}
call c {
  GET https://anything.example.net/x
  connection shop
}
`);
  });
});
