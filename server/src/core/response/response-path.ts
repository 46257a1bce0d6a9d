// Response paths written the way a `save` line reads them: `order.items[0].sku`,
// `["odd key"].id`, `$` for the whole body. A key is written bare only when
// the .flow lexer reads it back as one name; everything else goes in the
// bracket form, so any inserted line parses to the same path.

export type FieldSegment = { kind: "key"; key: string } | { kind: "index"; index: number };

const BARE_KEY = /^[A-Za-z0-9_][A-Za-z0-9_-]*$/;
// A method lexes as a request line whose URL swallows the rest of the line, and
// `body` followed by `[` or `{` as a JSON body (the round-trip test in
// fields.test.ts checks every key shape against the parser).
const SWALLOWING_WORDS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE", "body"]);

export function isBareKey(key: string): boolean {
  return BARE_KEY.test(key) && !SWALLOWING_WORDS.has(key);
}

export function formatPath(segments: readonly FieldSegment[]): string {
  if (segments.length === 0) return "$";
  let out = "";
  for (const segment of segments) {
    if (segment.kind === "index") out += `[${segment.index}]`;
    else if (isBareKey(segment.key)) out += out ? `.${segment.key}` : segment.key;
    else out += `[${quoteKey(segment.key)}]`;
  }
  return out;
}

/** A JSON string, with `{` escaped so a key like `{{x}}` is not read as a variable reference. */
function quoteKey(key: string): string {
  return JSON.stringify(key).replace(/\{/g, "\\u007b");
}
