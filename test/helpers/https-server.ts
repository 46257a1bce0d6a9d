// A real HTTPS server on 127.0.0.1 that records exactly what it received:
// method, the raw request target bytes, raw headers and body bytes. Tests set
// what it answers per request; close() ends every connection, so a test never
// waits on a server that "never answers".

import { createServer, type Server } from "node:https";
import { createServer as createNetServer, type LookupFunction, type Socket } from "node:net";
import type { IncomingMessage, ServerResponse } from "node:http";
import { testCertificate } from "./certificates";

export interface RecordedRequest {
  method: string;
  /** the request target as sent on the wire (path and query) */
  target: string;
  /** raw header pairs in order, names as sent */
  headers: [string, string][];
  body: Buffer;
}

export type Responder = (request: RecordedRequest, res: ServerResponse) => void;

export interface TestServer {
  port: number;
  origin: string;
  /** every request received, in order */
  requests: RecordedRequest[];
  /** what to answer next (default: 200 with `{}`) */
  respond: Responder;
  /** resolves with the next request received (or the one just received, if any arrived since the last call) */
  nextRequest(): Promise<RecordedRequest>;
  close(): Promise<void>;
}

export function header(request: RecordedRequest, name: string): string | undefined {
  return request.headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
}

export async function startHttpsServer(host = "127.0.0.1"): Promise<TestServer> {
  const { cert, key } = await testCertificate();
  const sockets = new Set<Socket>();
  const waiting: ((r: RecordedRequest) => void)[] = [];
  let delivered = 0;
  const state: TestServer = {
    port: 0,
    origin: "",
    requests: [],
    respond: (_req, res) => {
      res.setHeader("content-type", "application/json");
      res.end("{}");
    },
    nextRequest() {
      if (delivered < state.requests.length) return Promise.resolve(state.requests[delivered++]);
      return new Promise((resolve) => waiting.push(resolve));
    },
    close: () => close(server, sockets),
  };

  const server: Server = createServer({ cert, key }, (req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const headers: [string, string][] = [];
      for (let i = 0; i < req.rawHeaders.length; i += 2) headers.push([req.rawHeaders[i], req.rawHeaders[i + 1]]);
      const recorded: RecordedRequest = { method: req.method ?? "", target: req.url ?? "", headers, body: Buffer.concat(chunks) };
      state.requests.push(recorded);
      const waiter = waiting.shift();
      if (waiter) {
        delivered++;
        waiter(recorded);
      }
      state.respond(recorded, res);
    });
  });
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  // A failed handshake (a client that does not trust us) is expected in some tests.
  server.on("tlsClientError", () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, host, () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("no port");
  state.port = address.port;
  state.origin = `https://${host.includes(":") ? `[${host}]` : host}:${address.port}`;
  return state;
}

function close(server: Server, sockets: Set<Socket>): Promise<void> {
  for (const socket of sockets) socket.destroy();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** A loopback port with nothing listening: bound, then released. */
export async function closedPort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", () => resolve()));
  const address = probe.address();
  const port = typeof address === "object" && address ? address.port : 0;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** A name resolver that answers 127.0.0.1 for every name: tests use made-up hosts and never reach a real one. */
export const loopbackLookup: LookupFunction = (_hostname, options, callback) => {
  const all = typeof options === "object" && options !== null && (options as { all?: boolean }).all;
  if (all) (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: "127.0.0.1", family: 4 }]);
  else callback(null, "127.0.0.1", 4);
};

/** A name resolver for which no name exists: a DNS failure without asking a name server. */
export const failingLookup: LookupFunction = (hostname, _options, callback) => {
  const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND", hostname });
  callback(error, "", 4);
};
