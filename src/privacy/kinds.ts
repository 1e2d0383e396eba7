/**
 * The kinds of personal data Assay recognises in a column (docs/privacy.md). The names are a contract:
 * they appear in lint findings, in profiles and as `personal:` in the schema file.
 */
export const PERSONAL_KINDS = [
  "email",
  "phone",
  "payment_card",
  "national_id",
  "ip_address",
  "birth_date",
  "person_name",
  "street_address",
] as const;
export type PersonalKind = (typeof PERSONAL_KINDS)[number];

export function isPersonalKind(value: unknown): value is PersonalKind {
  return typeof value === "string" && (PERSONAL_KINDS as readonly string[]).includes(value);
}
