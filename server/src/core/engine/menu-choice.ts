// Which option a menu answer picks: its number (from 1) or its label, read
// leniently (case, surrounding and repeated spaces ignored) because that is
// how people type in a chat.

export type MenuChoice = { ok: true; index: number } | { ok: false; hint: string };

export function chooseOption(answer: string, labels: readonly string[]): MenuChoice {
  const typed = normalize(answer);
  if (/^\d+$/.test(typed)) {
    const n = Number(typed);
    if (n >= 1 && n <= labels.length) return { ok: true, index: n - 1 };
  }
  const index = labels.findIndex((label) => normalize(label) === typed);
  if (index >= 0) return { ok: true, index };
  const range = labels.length === 1 ? "1" : `a number from 1 to ${labels.length}`;
  return { ok: false, hint: `Please answer with ${range}, or type an option as shown.` };
}

function normalize(text: string): string {
  return text.trim().replace(/\s+/g, " ").toLowerCase();
}
