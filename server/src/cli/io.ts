// What a CLI command may touch of the outside world, passed in so tests can
// run commands in process and capture their output.

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  env: Record<string, string | undefined>;
  /** lines typed by the user; undefined when stdin is not available */
  stdin?: NodeJS.ReadableStream;
  isTty: boolean;
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
    stdin: process.stdin,
    isTty: Boolean(process.stdout.isTTY),
  };
}

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, errors: 1, usage: 2, failureBranch: 3 } as const;

export class UsageError extends Error {}
