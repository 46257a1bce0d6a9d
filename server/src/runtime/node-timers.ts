// The process's timers as the core's Timers port (core/ports.ts). A file of
// its own so the VS Code client can take it without node-runtime.ts's undici.

import type { Timers } from "../core/ports";

export const nodeTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};
