import { EXIT, type CliIo } from "../io";

export async function testCommand(_argv: string[], io: CliIo): Promise<number> {
  io.stderr("botflow test: not available yet\n");
  return EXIT.usage;
}
