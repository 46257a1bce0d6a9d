// Graphviz's `dot` layout, compiled to WebAssembly (@hpcc-js/wasm-graphviz):
// runs in Node with no native binary and no network; the WASM is inlined in
// the package's JavaScript. The only module that imports the library, loaded
// on first use (≈30 ms), then reused: a layout of a few hundred steps takes
// tens of milliseconds.

import type { LayoutDot } from "./svg";

let loaded: Promise<LayoutDot> | undefined;

export function loadGraphviz(): Promise<LayoutDot> {
  loaded ??= import("@hpcc-js/wasm-graphviz").then(async ({ Graphviz }) => {
    const graphviz = await Graphviz.load();
    return (dot: string) => graphviz.dot(dot, "svg");
  });
  return loaded;
}
