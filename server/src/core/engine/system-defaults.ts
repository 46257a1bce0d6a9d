// The system variables a run starts with when the shell gives none. Only
// `customer.authenticated` has a value that means something by default (a
// customer is not signed in unless told so); the others are unset, so a
// message skips them as it would for an anonymous web chat.

export function defaultSystemValues(): Map<string, string> {
  return new Map([["customer.authenticated", "false"]]);
}
