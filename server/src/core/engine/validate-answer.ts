// Is a typed answer acceptable for an `ask ... as TYPE`? A bad answer is
// re-asked with a hint that shows what a good one looks like, so the flow
// never stores, say, an email address without an @ and calls an API with it.

import type { AskType } from "../syntax/ast";

export type AnswerCheck = { ok: true; value: string } | { ok: false; hint: string };

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const NUMBER = /^[+-]?(\d+(\.\d+)?|\.\d+)$/;
const PHONE = /^\+?[\d\s().-]+$/;
const NAME = /^[\p{L}\p{M}][\p{L}\p{M}'’ .-]*$/u;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const HINTS: Record<Exclude<AskType, "text">, string> = {
  email: "That doesn't look like an email address. Please type one like name@example.com.",
  number: "That isn't a number. Please type digits, like 42 or 3.5.",
  phone: "That doesn't look like a phone number. Please type 7 to 15 digits, like +1 555 123 4567.",
  name: "That doesn't look like a name. Please use letters (spaces, hyphens and apostrophes are fine).",
  url: "That doesn't look like a web address. Please type one like https://example.com.",
  date: "That isn't a date I can read. Please type it as YYYY-MM-DD, like 2024-05-31.",
};

export function checkAnswer(answer: string, type: AskType): AnswerCheck {
  const value = answer.trim();
  if (value === "") return { ok: false, hint: "Please type an answer." };
  if (type === "text" || accepts(value, type)) return { ok: true, value };
  return { ok: false, hint: HINTS[type] };
}

function accepts(value: string, type: Exclude<AskType, "text">): boolean {
  switch (type) {
    case "email":
      return EMAIL.test(value);
    case "number":
      return NUMBER.test(value);
    case "phone": {
      // E.164 allows at most 15 digits; fewer than 7 is not a reachable number anywhere.
      const digits = value.replace(/\D/g, "").length;
      return PHONE.test(value) && digits >= 7 && digits <= 15;
    }
    case "name":
      return value.length <= 100 && NAME.test(value);
    case "url":
      return isWebAddress(value);
    case "date":
      return isCalendarDate(value);
  }
}

/** `https://example.com/x`, or `example.com/x` without a scheme, as customers often type it. */
function isWebAddress(value: string): boolean {
  if (/\s/.test(value)) return false;
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(value);
  let url: URL;
  try {
    url = new URL(hasScheme ? value : `https://${value}`);
  } catch {
    return false;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return false;
  return url.hostname === "localhost" || /^[^.]+(\.[^.]+)+$/.test(url.hostname);
}

function isCalendarDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
