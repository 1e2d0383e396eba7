import { luhnValid } from "./luhn.js";

/** A payment card number's digits, when the text is 13–19 digits optionally grouped by spaces or dashes. */
export function cardDigits(value: string): string | null {
  const text = value.trim();
  if (!/^\d(?:[ -]?\d){12,18}$/.test(text)) return null;
  return text.replace(/[ -]/g, "");
}

/** A payment card number: card-shaped and passing the Luhn check. */
export function isPaymentCard(value: string): boolean {
  const digits = cardDigits(value);
  return digits !== null && luhnValid(digits);
}
