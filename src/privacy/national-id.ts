import { luhnValid } from "./luhn.js";

/**
 * National identifiers with a fixed written form, checked as far as the issuer allows:
 * - US Social Security number ddd-dd-dddd: no check digit exists, so the issuance rules are checked
 *   (area not 000, 666 or 9xx; group not 00; serial not 0000);
 * - Canadian Social Insurance number ddd-ddd-ddd (or spaced): Luhn check digit; 0 (unassigned) and 8
 *   (business numbers) are not first digits of a person's SIN;
 * - Spanish DNI: 8 digits and the letter TRWAGMYFPDXBNJZSQVHLCKE[number mod 23];
 * - UK National Insurance number (AB 12 34 56 C): no check digit; the prefix letters are checked.
 */
export function isNationalId(value: string): boolean {
  const text = value.trim();
  return isUsSsn(text) || isCanadianSin(text) || isSpanishDni(text) || isUkNino(text);
}

export function isUsSsn(text: string): boolean {
  const m = /^(\d{3})-(\d{2})-(\d{4})$/.exec(text);
  if (!m) return false;
  const area = Number(m[1]);
  return area !== 0 && area !== 666 && area < 900 && m[2] !== "00" && m[3] !== "0000";
}

export function isCanadianSin(text: string): boolean {
  const m = /^(\d{3})([ -])(\d{3})\2(\d{3})$/.exec(text);
  return m !== null && m[1][0] !== "0" && m[1][0] !== "8" && luhnValid(m[1] + m[3] + m[4]);
}

const DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";

export function isSpanishDni(text: string): boolean {
  const m = /^(\d{8})-?([A-Za-z])$/.exec(text);
  return m !== null && DNI_LETTERS[Number(m[1]) % 23] === m[2].toUpperCase();
}

export function isUkNino(text: string): boolean {
  const compact = text.replace(/ /g, "").toUpperCase();
  const m = /^([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])\d{6}[A-D]$/.exec(compact);
  return m !== null && !["BG", "GB", "NK", "KN", "TN", "NT", "ZZ"].includes(m[1]);
}
