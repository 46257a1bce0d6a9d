// A self-signed certificate for the loopback test server, made once per test
// process. Its SANs cover 127.0.0.1, ::1, localhost, api.test and other.test
// (made-up names the tests resolve to 127.0.0.1 themselves, see
// loopbackLookup, to check where credentials go without asking any name
// server). Nothing trusts it unless a test passes it as an extra CA.

import { generate } from "selfsigned";

export interface TestCertificate {
  cert: string;
  key: string;
}

let pending: Promise<TestCertificate> | undefined;

export function testCertificate(): Promise<TestCertificate> {
  pending ??= generate([{ name: "commonName", value: "botflow-test" }], {
    keyType: "ec",
    curve: "P-256",
    algorithm: "sha256",
    extensions: [
      { name: "basicConstraints", cA: true },
      { name: "keyUsage", digitalSignature: true, keyCertSign: true },
      { name: "extKeyUsage", serverAuth: true },
      { name: "subjectAltName", altNames: [{ type: 7, ip: "127.0.0.1" }, { type: 7, ip: "::1" }, { type: 2, value: "localhost" }, { type: 2, value: "api.test" }, { type: 2, value: "other.test" }] },
    ],
  }).then((pems) => ({ cert: pems.cert, key: pems.private }));
  return pending;
}
