// Drives the built `botflow` CLI as a child process: read its output as it
// comes, wait for a text to appear (never a fixed sleep), write answers.

import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { resolve } from "node:path";

export const REPO = resolve(import.meta.dirname, "../..");
export const BIN = resolve(REPO, "bin/botflow.js");

export interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

export class CliProcess {
  readonly child: ChildProcessWithoutNullStreams;
  stdout = "";
  stderr = "";
  /** stdout before this offset has been matched by waitFor */
  private cursor = 0;
  private readonly listeners = new Set<() => void>();
  readonly exited: Promise<Exit>;

  constructor(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
    this.child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? REPO, env: { ...process.env, ...options.env } });
    this.child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      this.stdout += chunk;
      for (const notify of this.listeners) notify();
    });
    this.child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      this.stderr += chunk;
    });
    this.exited = new Promise((resolveExit) => {
      this.child.on("close", (code) => {
        for (const notify of this.listeners) notify();
        resolveExit({ code, stdout: this.stdout, stderr: this.stderr });
      });
    });
  }

  /** Resolves when `text` appears in stdout after the last match; rejects on exit or after `timeoutMs`. */
  waitFor(text: string, timeoutMs = 5000): Promise<void> {
    return new Promise((resolveWait, reject) => {
      const check = () => {
        const at = this.stdout.indexOf(text, this.cursor);
        if (at >= 0) {
          this.cursor = at + text.length;
          done();
          resolveWait();
        } else if (this.child.exitCode !== null || this.child.signalCode !== null) {
          done();
          reject(new Error(`botflow exited before printing ${JSON.stringify(text)}\n--- stdout\n${this.stdout}\n--- stderr\n${this.stderr}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no ${JSON.stringify(text)} within ${timeoutMs} ms\n--- stdout\n${this.stdout}\n--- stderr\n${this.stderr}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      this.listeners.add(check);
      check();
    });
  }

  /** Waits for the answer prompt, then types `line`. */
  async answer(line: string): Promise<void> {
    await this.waitFor("You: ");
    this.child.stdin.write(`${line}\n`);
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill();
  }
}

/** Runs to the end with stdin closed (non-interactive mode). */
export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<Exit> {
  const run = new CliProcess(args, options);
  run.child.stdin.end();
  return run.exited;
}
