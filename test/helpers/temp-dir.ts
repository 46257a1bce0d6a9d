// A scratch folder per test file for flows, answers, mocks and transcripts.

import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface TempDir {
  path: string;
  /** writes `content` (JSON-encoded unless a string) and returns the file's full path */
  write(name: string, content: unknown): Promise<string>;
  remove(): Promise<void>;
}

export async function tempDir(prefix = "botflow-run-"): Promise<TempDir> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  return {
    path,
    async write(name, content) {
      const file = join(path, name);
      await writeFile(file, typeof content === "string" ? content : JSON.stringify(content), "utf8");
      return file;
    },
    remove: () => rm(path, { recursive: true, force: true }),
  };
}
