// Files the commands read besides their flow, and how they name them: one
// place for the paths shown in messages and for loading --ca certificates.

import { isAbsolute, join, relative, resolve } from "node:path";
import { filesOf, type CliFileSystem, type CliIo } from "./io";

/** Where a command reads from: its working folder and file system. */
export type Place = Pick<CliIo, "cwd" | "fs">;

export type Loaded<T> = { ok: true; value: T } | { ok: false; message: string };

/** The path as every command shows it: relative to the working folder when inside it. */
export function displayPath(cwd: string, file: string): string {
  const full = resolve(cwd, file);
  const rel = relative(cwd, full);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : full;
}

export async function readText(at: Place, file: string, label = file): Promise<Loaded<string>> {
  try {
    return { ok: true, value: await filesOf(at).readText(resolve(at.cwd, file)) };
  } catch (error) {
    return { ok: false, message: `cannot read ${label}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
  }
}

/** --ca FILE...: each file's PEM text, or one line saying which file is wrong. */
export async function loadCertificates(at: Place, files: readonly string[]): Promise<Loaded<string[]>> {
  const pems: string[] = [];
  for (const file of files) {
    const text = await readText(at, file, `--ca ${file}`);
    if (!text.ok) return text;
    if (!text.value.includes("-----BEGIN CERTIFICATE-----")) return { ok: false, message: `--ca ${file} holds no PEM certificate` };
    pems.push(text.value);
  }
  return { ok: true, value: pems };
}

/** The .flow files at `path`: the file itself, or every *.flow below a folder, sorted. */
export async function flowFiles(fs: CliFileSystem, path: string): Promise<string[]> {
  let directory: boolean;
  try {
    directory = await fs.isDirectory(path);
  } catch (error) {
    throw new Error(`no such file or folder: ${path} (${(error as NodeJS.ErrnoException).code ?? "unreadable"})`);
  }
  if (!directory) return [path];
  const out: string[] = [];
  for (const entry of await fs.list(path)) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const full = join(path, entry.name);
    if (entry.isDirectory) out.push(...(await flowFiles(fs, full)));
    else if (entry.name.endsWith(".flow")) out.push(full);
  }
  return out;
}
