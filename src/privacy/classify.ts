import { isPreciseDate } from "./birth-date.js";
import { isPaymentCard } from "./card.js";
import { isEmail } from "./email.js";
import { isIpAddress } from "./ip-address.js";
import type { PersonalKind } from "./kinds.js";
import { isNationalId } from "./national-id.js";
import { isPersonName } from "./person-name.js";
import { isPhone } from "./phone.js";
import { isStreetAddress } from "./street-address.js";

/**
 * The tests in the order a value is tried: the ones with a check digit or a distinctive shape first, so
 * "123-45-6789" is a national id before it is a phone number and a 15-digit Luhn-valid card is a card.
 * `birth_date` here means "a precise date"; the column's name decides whether it is one of birth.
 */
const VALUE_TESTS: [PersonalKind, (value: string) => boolean][] = [
  ["email", isEmail],
  ["payment_card", isPaymentCard],
  ["national_id", isNationalId],
  ["ip_address", isIpAddress],
  ["birth_date", isPreciseDate],
  ["phone", isPhone],
  ["street_address", isStreetAddress],
  ["person_name", isPersonName],
];

/** The kind of personal data one value looks like, or null. */
export function classifyValue(value: string): PersonalKind | null {
  for (const [kind, test] of VALUE_TESTS) if (test(value)) return kind;
  return null;
}
