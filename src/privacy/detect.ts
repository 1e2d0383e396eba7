import { isBirthDateName } from "./birth-date.js";
import { cardDigits } from "./card.js";
import { classifyValue } from "./classify.js";
import type { PersonalKind } from "./kinds.js";
import { luhnValid } from "./luhn.js";
import { maskValue } from "./mask.js";

/** A column found to hold personal data, with the evidence: how many sampled values are of its kind. */
export interface PersonalColumn {
  column: string;
  kind: PersonalKind;
  /** Values of the sample that are of `kind`. */
  matched: number;
  /** Non-empty values looked at (the first ones of the column, up to the sample size). */
  sampled: number;
  share: number;
  /** Payment cards: card-shaped values whose Luhn check digit is wrong (mistyped or made-up numbers). */
  invalidCheckDigits?: number;
  /** Masked examples of the matching values (never the values themselves). */
  examples: string[];
}

/** At least this share of the sampled values must be of one kind … */
export const PERSONAL_SHARE = 0.5;
/** … or this share when the column's name names the kind (an "email" column with many blanks or typos). */
export const NAMED_PERSONAL_SHARE = 0.2;
/** Fewer sampled values than this decide nothing. */
export const MIN_SAMPLED = 5;

const KIND_NAMES: Record<PersonalKind, RegExp> = {
  email: /e-?mail/i,
  phone: /phone|mobile|cell|tel(ephone)?([^a-z]|$)|fax/i,
  payment_card: /card|ccn|pan([^a-z]|$)|credit.?card/i,
  national_id: /ssn|social.?sec|national.?id|nino|sin([^a-z]|$)|dni|passport|tax.?id/i,
  ip_address: /(^|[^a-z])ip([^a-z]|$)|ip.?addr|remote.?addr/i,
  birth_date: /$^/, // decided by isBirthDateName, which is required rather than a bonus
  person_name: /name/i,
  street_address: /address|street|addr([^a-z]|$)/i,
};

/**
 * Whether a column holds personal data, judged from a sample of its values (as text) and its name. The
 * kind is the one most sampled values have; a precise date counts only in a column whose name says
 * "birth" (`isBirthDateName`). Decision rule and its measured precision/recall: docs/privacy.md.
 */
export function detectPersonalColumn(
  column: string,
  values: readonly unknown[],
  options: { maxExamples?: number } = {},
): PersonalColumn | null {
  const texts = values
    .filter((v) => v !== null && v !== undefined)
    .map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim()))
    .filter((t) => t.length > 0);
  if (texts.length < MIN_SAMPLED) return null;
  const byKind = new Map<PersonalKind, string[]>();
  let cardShaped = 0;
  for (const text of texts) {
    if (cardDigits(text) !== null) cardShaped += 1;
    const kind = classifyValue(text);
    if (kind === null || (kind === "birth_date" && !isBirthDateName(column))) continue;
    byKind.set(kind, [...(byKind.get(kind) ?? []), text]);
  }
  let best: [PersonalKind, string[]] | null = null;
  for (const entry of byKind) if (!best || entry[1].length > best[1].length) best = entry;
  if (!best) return null;
  const [kind, matching] = best;
  const share = matching.length / texts.length;
  const needed =
    kind === "birth_date" || KIND_NAMES[kind].test(column) ? NAMED_PERSONAL_SHARE : PERSONAL_SHARE;
  if (share < needed) return null;
  const found: PersonalColumn = {
    column,
    kind,
    matched: matching.length,
    sampled: texts.length,
    share,
    examples: matching.slice(0, options.maxExamples ?? 3).map((v) => maskValue(kind, v)),
  };
  if (kind === "payment_card")
    found.invalidCheckDigits = cardShaped - texts.filter((t) => luhnValid(cardDigits(t) ?? "x")).length;
  return found;
}
