// splitUrl: the endpoint as written, split into parts with exact spans, and
// placeOf: which part each {{variable}} sits in.

import assert from "node:assert/strict";
import { splitUrl, placeOf, type UrlParts, type UrlPlace } from "../../../server/src/core/analysis/url";
import { findVarRefs } from "../../../server/src/core/syntax/ast-builders";
import type { UrlText } from "../../../server/src/core/syntax/ast";
import type { Span } from "../../../server/src/core/types";
import { analyze } from "../../../server/src/core/analyze";

/** The URL at document offset `base` (non-zero, so offsets are checked to be document offsets). */
function urlAt(raw: string, base = 100): UrlText {
  return { raw, span: { start: base, end: base + raw.length }, vars: findVarRefs(raw, base) };
}

interface Shown {
  scheme?: string;
  userinfo?: string;
  host?: string;
  port?: string;
  path: string;
  query?: string;
  params: [string, string | undefined][];
  fragment?: string;
}

/** The parts as text, read back from the URL through their spans. */
function split(raw: string): Shown {
  const base = 100;
  const parts = splitUrl(urlAt(raw, base));
  const t = (s: Span | undefined) => (s ? raw.slice(s.start - base, s.end - base) : undefined);
  const shown: Shown = { path: t(parts.path)!, params: parts.params.map((p) => [t(p.key)!, t(p.value)]) };
  for (const k of ["scheme", "userinfo", "host", "port", "query", "fragment"] as const) if (parts[k]) shown[k] = t(parts[k]);
  return shown;
}

function places(raw: string): [string, UrlPlace][] {
  const url = urlAt(raw);
  const parts: UrlParts = splitUrl(url);
  return url.vars.map((ref) => [ref.name, placeOf(parts, ref)]);
}

describe("url split", () => {
  it("splits a plain URL", () => {
    assert.deepEqual(split("https://api.example.com/orders/1"), { scheme: "https", host: "api.example.com", path: "/orders/1", params: [] });
  });

  it("keeps spans as document offsets", () => {
    const parts = splitUrl(urlAt("https://a.example.com/x", 40));
    assert.deepEqual(parts.scheme, { start: 40, end: 45 });
    assert.deepEqual(parts.host, { start: 48, end: 61 });
    assert.deepEqual(parts.path, { start: 61, end: 63 });
  });

  it("finds the port", () => {
    assert.deepEqual(split("https://api.example.com:8443/x"), { scheme: "https", host: "api.example.com", port: "8443", path: "/x", params: [] });
    assert.deepEqual(split("https://api.example.com:8443"), { scheme: "https", host: "api.example.com", port: "8443", path: "", params: [] });
    assert.equal(split("https://api.example.com:/x").port, "");
  });

  it("finds user info, up to the last @ of the authority", () => {
    assert.deepEqual(split("https://me:pa@ss@api.example.com:8443/x@y"), { scheme: "https", userinfo: "me:pa@ss", host: "api.example.com", port: "8443", path: "/x@y", params: [] });
  });

  it("reads IPv6 hosts in brackets, with and without a port", () => {
    assert.deepEqual(split("https://[::1]:8443/x"), { scheme: "https", host: "[::1]", port: "8443", path: "/x", params: [] });
    assert.deepEqual(split("https://[2001:db8::7]/x"), { scheme: "https", host: "[2001:db8::7]", path: "/x", params: [] });
  });

  it("splits the query into keys and values", () => {
    assert.deepEqual(split("https://h.example.com/s?a=1&b={{x}}").params, [["a", "1"], ["b", "{{x}}"]]);
    assert.equal(split("https://h.example.com/s?a=1&b={{x}}").query, "a=1&b={{x}}");
  });

  it("keeps repeated keys, empty values, keys without = and empty pairs", () => {
    assert.deepEqual(split("https://h.example.com/s?a=1&a=2&e=&flag&&z=9").params, [["a", "1"], ["a", "2"], ["e", ""], ["flag", undefined], ["z", "9"]]);
  });

  it("splits a value at its first = only", () => {
    assert.deepEqual(split("https://h.example.com/s?f=a=b").params, [["f", "a=b"]]);
  });

  it("reads a query with no path and an empty query", () => {
    assert.deepEqual(split("https://h.example.com?q=1"), { scheme: "https", host: "h.example.com", path: "", query: "q=1", params: [["q", "1"]] });
    assert.deepEqual(split("https://h.example.com/x?"), { scheme: "https", host: "h.example.com", path: "/x", query: "", params: [] });
  });

  it("reads the fragment, which may hold ? and #", () => {
    assert.deepEqual(split("https://h.example.com/x?a=1#top"), { scheme: "https", host: "h.example.com", path: "/x", query: "a=1", params: [["a", "1"]], fragment: "top" });
    assert.deepEqual(split("https://h.example.com/x#a?b=1#c"), { scheme: "https", host: "h.example.com", path: "/x", params: [], fragment: "a?b=1#c" });
    assert.deepEqual(split("https://h.example.com#"), { scheme: "https", host: "h.example.com", path: "", params: [], fragment: "" });
  });

  it("leaves percent-escapes as written", () => {
    assert.deepEqual(split("https://h.example.com/a%20b/%7Bid%7D?q=%26x%3D1"), { scheme: "https", host: "h.example.com", path: "/a%20b/%7Bid%7D", query: "q=%26x%3D1", params: [["q", "%26x%3D1"]] });
  });

  it("ignores delimiters inside variables", () => {
    assert.deepEqual(split("https://h.example.com/{{a/b?c#d}}/x?q={{e&f=g}}").params, [["q", "{{e&f=g}}"]]);
    assert.equal(split("https://h.example.com/{{a/b?c#d}}/x").path, "/{{a/b?c#d}}/x");
  });

  it("reads a URL without a scheme as a path", () => {
    assert.deepEqual(split("api.example.com/x?q=1"), { path: "api.example.com/x", query: "q=1", params: [["q", "1"]] });
    assert.deepEqual(split("/x://y"), { path: "/x://y", params: [] });
  });
});

describe("url variable places", () => {
  it("finds path variables, also next to literal text", () => {
    assert.deepEqual(places("https://h.example.com/orders/{{id}}.json"), [["id", "path"]]);
    assert.deepEqual(places("https://h.example.com/a{{x}}b/{{y}}"), [["x", "path"], ["y", "path"]]);
  });

  it("finds query values, also next to literal text", () => {
    assert.deepEqual(places("https://h.example.com/s?q=pre{{x}}post&r={{y}}"), [["x", "query-value"], ["y", "query-value"]]);
  });

  it("finds query keys, whole or partial, with or without =", () => {
    assert.deepEqual(places("https://h.example.com/s?{{k}}=1&p{{k2}}=2&{{flag}}"), [["k", "query-key"], ["k2", "query-key"], ["flag", "query-key"]]);
  });

  it("finds the fragment", () => {
    assert.deepEqual(places("https://h.example.com/s?q={{a}}#{{b}}"), [["a", "query-value"], ["b", "fragment"]]);
    assert.deepEqual(places("https://h.example.com/s#x?q={{c}}"), [["c", "fragment"]]);
  });

  it("finds the host, the port, the scheme and the user info", () => {
    assert.deepEqual(places("https://{{sub}}.example.com/x"), [["sub", "host"]]);
    assert.deepEqual(places("https://{{host}}/x"), [["host", "host"]]);
    assert.deepEqual(places("https://{{host}}"), [["host", "host"]]);
    assert.deepEqual(places("https://h.example.com:{{port}}/x"), [["port", "port"]]);
    assert.deepEqual(places("{{scheme}}://h.example.com/x"), [["scheme", "scheme"]]);
    assert.deepEqual(places("https://{{user}}:{{pass}}@h.example.com/x"), [["user", "userinfo"], ["pass", "userinfo"]]);
    assert.deepEqual(places("https://[{{v6}}]:1/x"), [["v6", "host"]]);
  });

  it("places variables of a real request line at document offsets", () => {
    const text = "ask id \"?\"\ncall c {\n  GET https://h.example.com/o/{{id}}?x={{id}}\n}\n";
    const { document } = analyze(text);
    const [endpoint] = document.urls;
    const refs = endpoint.request.url.vars;
    assert.deepEqual(refs.map((r) => text.slice(r.span.start, r.span.end)), ["{{id}}", "{{id}}"]);
    assert.deepEqual(refs.map((r) => placeOf(endpoint.parts, r)), ["path", "query-value"]);
    assert.equal(text.slice(endpoint.parts.host!.start, endpoint.parts.host!.end), "h.example.com");
  });
});
