/**
 * A telephone number as people write it: 7–15 digits (E.164 allows at most 15) with at least one of the
 * marks that numbers in tables do not carry — a leading "+", parentheses, or digit groups separated by
 * spaces, dots or dashes. Plain digit runs are not counted (they are as likely to be ids or amounts), nor
 * are ISO dates and decimal numbers.
 */
export function isPhone(value: string): boolean {
  const text = value.trim();
  if (!/^\+?[\d ().-]+$/.test(text)) return false;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text) || /^\d+(\.\d+)?$/.test(text)) return false;
  const digits = text.replace(/\D/g, "");
  if (digits.length < 7 || digits.length > 15) return false;
  // groups: at least two digit runs, or a leading +
  const groups = text.split(/[ ().-]+/).filter((g) => g.length > 0 && g !== "+");
  return text.startsWith("+") || groups.length >= 2;
}
