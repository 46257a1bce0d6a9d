// The Node implementations of the core's ports (core/ports.ts): HTTP over an
// undici Agent and the process's timers. The shells pass them in; tests may
// pass others.

import type { Dispatcher } from "undici";
import type { ConnectOptions, HttpPort, Timers } from "../core/ports";
import { nodeTimers } from "./node-timers";

export { nodeTimers };

/**
 * An undici Agent per call. undici (and Node's own fetch it pulls in) costs
 * ~10 MiB and ~50 ms at start: it is loaded on the first call, not when the
 * server or the CLI starts.
 */
export const undiciHttp: HttpPort = {
  async dispatcher(options: ConnectOptions): Promise<Dispatcher> {
    const { Agent } = await import("undici");
    return new Agent({
      connect: {
        timeout: options.timeoutMs,
        ...(options.secureContext ? { secureContext: options.secureContext } : {}),
        ...(options.lookup ? { lookup: options.lookup } : {}),
      },
      // The runner's own deadline governs; undici's would only race it with other messages.
      headersTimeout: 0,
      bodyTimeout: 0,
    });
  },
};

export interface NodeRuntime {
  http: HttpPort;
  timers: Timers;
}

export function nodeRuntime(): NodeRuntime {
  return { http: undiciHttp, timers: nodeTimers };
}
