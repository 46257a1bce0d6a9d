/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The diagram webview: shows the SVG the language server laid out, keeps
// the view (pan and zoom) across updates, highlights the step under the
// editor's cursor, and sends clicks (reveal a step) and the export button
// back to the extension. Runs no WebAssembly and loads nothing remote.

import type { FromWebview, ToWebview } from "../messages";
import { decorate, nodeElement } from "./decorate";
import { PanZoom, type View } from "./pan-zoom";
import "./diagram.css";

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): { view?: View } | undefined;
  setState(state: { view?: View }): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const viewport = document.getElementById("viewport") as HTMLElement;
const layer = document.getElementById("layer") as HTMLElement;
const status = document.getElementById("status") as HTMLElement;
const panZoom = new PanZoom(viewport, layer, (view) => vscode.setState({ view }));
const saved = vscode.getState()?.view;
let drawn = false;
let current: string | undefined;
let size = { width: 0, height: 0 };

const buttons: Record<string, () => void> = {
  "zoom-in": () => panZoom.zoomAt(1.25),
  "zoom-out": () => panZoom.zoomAt(0.8),
  fit: () => panZoom.fit(size.width, size.height),
  export: () => vscode.postMessage({ type: "export" }),
};
for (const [id, action] of Object.entries(buttons)) document.getElementById(id)?.addEventListener("click", action);

layer.addEventListener("click", (e) => {
  const g = (e.target as Element).closest("g.node");
  if (g?.id) vscode.postMessage({ type: "reveal", id: g.id });
});
layer.addEventListener("keydown", (e) => {
  const g = (e.target as Element).closest("g.node");
  if (g?.id && (e.key === "Enter" || e.key === " ")) vscode.postMessage({ type: "reveal", id: g.id });
});

function svgOf(): SVGSVGElement | null {
  return layer.querySelector("svg");
}

function highlight(id: string | undefined, scroll: boolean): void {
  current = id;
  const svg = svgOf();
  if (!svg) return;
  for (const g of svg.querySelectorAll("g.node.current")) g.classList.remove("current");
  const g = id ? nodeElement(svg, id) : null;
  if (!g) return;
  g.classList.add("current");
  if (scroll) panZoom.reveal(g.getBoundingClientRect());
}

function draw(message: Extract<ToWebview, { type: "graph" }>): void {
  const started = performance.now();
  const parsed = new DOMParser().parseFromString(message.svg, "image/svg+xml");
  const root = parsed.documentElement;
  if (root.nodeName !== "svg") {
    status.textContent = "The diagram could not be drawn.";
    return;
  }
  const svg = document.importNode(root, true) as unknown as SVGSVGElement;
  // One drawing unit per CSS pixel: the view's transform does the zooming.
  const [, , width, height] = (svg.getAttribute("viewBox") ?? "0 0 0 0").split(/\s+/).map(Number);
  size = { width, height };
  svg.setAttribute("width", String(width));
  svg.setAttribute("height", String(height));
  layer.replaceChildren(svg);
  decorate(svg, message.nodes);
  status.textContent = message.notice ?? "";
  status.hidden = !message.notice;
  if (!drawn) {
    drawn = true;
    if (saved) panZoom.set(saved);
    else panZoom.fit(width, height);
  }
  highlight(message.current ?? current, false);
  vscode.postMessage({ type: "rendered", version: message.version, ids: message.nodes.map((n) => n.id), ms: performance.now() - started });
}

window.addEventListener("message", (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  if (message.type === "graph") draw(message);
  else if (message.type === "cursor") highlight(message.id, true);
  else if (message.type === "error") {
    status.textContent = message.message;
    status.hidden = false;
  }
});

vscode.postMessage({ type: "ready" });
