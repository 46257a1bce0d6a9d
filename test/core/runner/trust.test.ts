// The test call's TLS trust (core/runner/trust.ts): the usual roots plus the
// extra CAs, in a store of the context's own — never added to the trust of
// every other TLS connection in the process.

import assert from "node:assert/strict";
import { connect, createSecureContext, type SecureContext } from "node:tls";
import { secureContextFor } from "../../../server/src/core/runner/trust";
import { startHttpsServer, type TestServer } from "../../helpers/https-server";
import { testCertificate } from "../../helpers/certificates";

/** Whether a TLS handshake with the server succeeds (certificate and host name checked), with `secureContext` or Node's default trust. */
function handshake(server: TestServer, secureContext?: SecureContext): Promise<string> {
  return new Promise((done) => {
    const socket = connect({ host: "127.0.0.1", port: server.port, ...(secureContext ? { secureContext } : {}) });
    socket.once("secureConnect", () => {
      socket.destroy();
      done("trusted");
    });
    socket.once("error", (error: NodeJS.ErrnoException) => {
      socket.destroy();
      done(error.code ?? error.message);
    });
  });
}

describe("runner: TLS trust for test calls", () => {
  let server: TestServer;
  let ca: string;
  before(async () => {
    ca = (await testCertificate()).cert;
    server = await startHttpsServer();
  });
  after(() => server.close());

  it("trusts a server whose certificate is an extra CA", async () => {
    assert.equal(await handshake(server, secureContextFor([ca])), "trusted");
  });

  it("keeps the extra CA out of the default trust and out of later contexts", async () => {
    secureContextFor([ca]);
    assert.equal(await handshake(server), "DEPTH_ZERO_SELF_SIGNED_CERT");
    assert.equal(await handshake(server, createSecureContext()), "DEPTH_ZERO_SELF_SIGNED_CERT");
    assert.equal(secureContextFor([]), undefined);
  });

  it("keeps one context per CA list", () => {
    assert.equal(secureContextFor([ca]), secureContextFor([ca]));
    assert.notEqual(secureContextFor([ca]), secureContextFor([ca, ca]));
  });
});
