// Placeholder until the language server lands.
export function startStdioServer(): void {
  throw new Error("the language server is not built yet");
}
