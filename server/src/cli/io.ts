// What a CLI command may touch of the outside world, passed in so tests can
// run commands in process and capture their output: the streams, the
// environment and the file system.

import { readFile, readdir, stat, writeFile } from "node:fs/promises";

/** The files a command reads and writes (UTF-8 text), at absolute paths. */
export interface CliFileSystem {
  readText(path: string): Promise<string>;
  writeText(path: string, text: string): Promise<void>;
  isDirectory(path: string): Promise<boolean>;
  /** a folder's entries, sorted by name */
  list(path: string): Promise<{ name: string; isDirectory: boolean }[]>;
}

export const nodeFileSystem: CliFileSystem = {
  readText: (path) => readFile(path, "utf8"),
  writeText: (path, text) => writeFile(path, text, "utf8"),
  isDirectory: async (path) => (await stat(path)).isDirectory(),
  list: async (path) =>
    (await readdir(path, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name)).map((e) => ({ name: e.name, isDirectory: e.isDirectory() })),
};

/** The file system a command uses: the one passed in, else the process's. */
export function filesOf(io: Pick<CliIo, "fs">): CliFileSystem {
  return io.fs ?? nodeFileSystem;
}

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  env: Record<string, string | undefined>;
  /** lines typed by the user; undefined when stdin is not available */
  stdin?: NodeJS.ReadableStream;
  isTty: boolean;
  /** default: the process's (nodeFileSystem) */
  fs?: CliFileSystem;
}

export function processIo(): CliIo {
  // `botflow check … | head` closes the pipe early: stop quietly, as other tools do.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    // Only `run` reads stdin; making the stream costs every other command a millisecond.
    get stdin() {
      return process.stdin;
    },
    isTty: Boolean(process.stdout.isTTY),
    fs: nodeFileSystem,
  };
}

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, errors: 1, usage: 2, failureBranch: 3 } as const;

export class UsageError extends Error {}
