// What the extension and the diagram webview say to each other (postMessage).
// Types only, shared by both sides: the webview bundle imports nothing else
// of the extension.

import type { DiagramNode } from "../../../server/src/protocol";

export type { DiagramNode };

export type ToWebview =
  | { type: "graph"; version: number; svg: string; nodes: DiagramNode[]; notice?: string; current?: string }
  | { type: "error"; message: string }
  | { type: "cursor"; id: string | undefined };

export type FromWebview =
  | { type: "ready" }
  | { type: "reveal"; id: string }
  | { type: "export" }
  /** after a graph is drawn: what is on screen, and how long putting it there took */
  | { type: "rendered"; version: number; ids: string[]; ms: number };
