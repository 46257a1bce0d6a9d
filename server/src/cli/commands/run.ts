import { EXIT, type CliIo } from "../io";

export async function runCommand(_argv: string[], io: CliIo): Promise<number> {
  io.stderr("botflow run: not available yet\n");
  return EXIT.usage;
}
