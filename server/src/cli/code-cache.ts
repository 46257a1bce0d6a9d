// Loads a CLI bundle (dist/cli.js, cli-test.js, cli-run.js) with a V8 code
// cache when a valid one lies beside it: V8 then skips parsing and compiling
// the functions the cache holds (≈25 ms of a 140 ms `botflow check`). Node 20
// has no module.enableCompileCache, so this is vm.Script's cachedData.
// The cache is written only by `node build.mjs --production`, next to the
// bundle (dist/NAME.js.cache), never at run time. It is used only when its
// header names this Node version and architecture and it holds a copy of the
// bundle's exact bytes (compared byte for byte: no hash, since loading
// node:crypto alone cost 5 ms of a 150 ms `botflow check`); V8 itself also
// refuses data from another V8 build or flags (then the bundle compiles as
// usual). Without a cache the bundle is required as usual. This file is its
// own small bundle (dist/load-bundle.js).

import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { Script } from "node:vm";

const MAGIC = "botflow-code-cache-2";

/** The header of a cache made here for a bundle of `source`'s length; the bundle's bytes follow it, then V8's data. */
function cacheHeader(source: Buffer): string {
  return `${MAGIC} ${process.version} ${process.arch} ${source.length}\n`;
}

/** How CommonJS would run the file: Node's module wrapper, compiled as a script. */
function compile(file: string, source: Buffer, cachedData?: Buffer): Script {
  const wrapped = `(function (exports, require, module, __filename, __dirname) { ${source.toString("utf8")}\n});`;
  return new Script(wrapped, { filename: file, cachedData });
}

/** Runs the compiled wrapper as the module at `file` and returns its exports. */
function run(script: Script, file: string): unknown {
  const module = { exports: {} as unknown, filename: file, id: file, loaded: false };
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  module.loaded = true;
  return module.exports;
}

/** The cached data in `cacheFile` if it was made for exactly `source` here; "stale" if made for anything else; undefined without one. */
function validCache(cacheFile: string, source: Buffer): Buffer | "stale" | undefined {
  let cache: Buffer;
  try {
    cache = readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  const header = cacheHeader(source);
  const dataStart = header.length + source.length;
  if (cache.length < dataStart || cache.subarray(0, header.length).toString("latin1") !== header) return "stale";
  return cache.subarray(header.length, dataStart).equals(source) ? cache.subarray(dataStart) : "stale";
}

/** How a bundle was loaded: through its cache, past a cache made for other bytes or another Node, or with none beside it. */
export type CacheUse = "used" | "refused by V8" | "stale" | "none";

const loaded = new Map<string, { exports: unknown; cache: CacheUse }>();

/** `require(file)`, through the code cache beside it when that is valid. Loads each file once. */
export function loadBundle(path: string): unknown {
  const file = resolve(path);
  const known = loaded.get(file);
  if (known) return known.exports;
  let source: Buffer | undefined;
  let cachedData: Buffer | undefined | "stale";
  try {
    source = readFileSync(file);
    cachedData = validCache(`${file}.cache`, source);
  } catch {
    // Unreadable here: let require report it the usual way.
  }
  if (!source || !cachedData || cachedData === "stale") {
    loaded.set(file, { exports: createRequire(file)(file), cache: cachedData === "stale" ? "stale" : "none" });
  } else {
    const script = compile(file, source, cachedData);
    loaded.set(file, { exports: run(script, file), cache: script.cachedDataRejected ? "refused by V8" : "used" });
  }
  return loaded.get(file)!.exports;
}

/** How `loadBundle` loaded the file (for tests and benches), or undefined when it has not. */
export function cacheUse(path: string): CacheUse | undefined {
  return loaded.get(resolve(path))?.cache;
}

/**
 * Writes `${file}.cache` (build time only): compiles and runs the bundle,
 * lets `warmUp` exercise it so the functions a usual run compiles are in the
 * cache too, then saves what V8 has compiled.
 */
export async function writeCodeCache(path: string, warmUp: (exports: unknown) => Promise<unknown> | unknown = () => undefined): Promise<number> {
  const file = resolve(path);
  const source = readFileSync(file);
  const script = compile(file, source);
  const exports = run(script, file);
  loaded.set(file, { exports, cache: "none" });
  await warmUp(exports);
  const data = script.createCachedData();
  writeFileSync(`${file}.cache`, Buffer.concat([Buffer.from(cacheHeader(source), "latin1"), source, data]));
  return data.length;
}
