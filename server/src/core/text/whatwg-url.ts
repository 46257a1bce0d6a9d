// Whether the WHATWG URL parser (Node's URL, which undici sends with) takes a
// text. Not `URL.canParse`: on Node 20 and 22 its V8 fast-API path starts
// answering false for valid non-ASCII URLs (`https://faß.de/`) after a few
// thousand calls, so a long-running language server would begin to flag
// them. The constructor has no such path.

export function isWhatwgUrl(text: string): boolean {
  try {
    new URL(text);
    return true;
  } catch {
    return false;
  }
}
