// Reading a response body with a size cap: a test call shows the start of a
// huge answer instead of filling the editor's memory with it.

export interface CappedBody {
  bytes: Uint8Array;
  truncated: boolean;
}

export async function readCapped(stream: AsyncIterable<Uint8Array> & { destroy(error?: Error): unknown }, maxBytes: number): Promise<CappedBody> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  for await (const chunk of stream) {
    const room = maxBytes - size;
    if (chunk.byteLength > room) {
      chunks.push(chunk.subarray(0, room));
      size += room;
      truncated = true;
      // Stop downloading: the rest would only be thrown away.
      stream.destroy();
      break;
    }
    chunks.push(chunk);
    size += chunk.byteLength;
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { bytes, truncated };
}
