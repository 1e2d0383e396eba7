/**
 * A precise (day-level) calendar date, as written in tables: ISO yyyy-mm-dd (optionally with a time),
 * dd.mm.yyyy, or dd/mm/yyyy and mm/dd/yyyy, with a year from 1900 to the current one. A date alone is not
 * personal; a column of them is a date of birth only when its name says so (`isBirthDateName`) — flight
 * dates and order dates are not people.
 */
export function isPreciseDate(value: string): boolean {
  const text = value.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (m) return validDay(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})([./])(\d{1,2})\2(\d{4})$/.exec(text);
  if (!m) return false;
  const [a, b, year] = [Number(m[1]), Number(m[3]), Number(m[4])];
  return validDay(year, b, a) || (m[2] === "/" && validDay(year, a, b));
}

function validDay(year: number, month: number, day: number): boolean {
  if (year < 1900 || year > new Date().getUTCFullYear() || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Column names that say "date of birth": dob, birth_date, date_of_birth, birthday, born, geburtsdatum … */
export function isBirthDateName(name: string): boolean {
  return /(^|[^a-z])(dob|d\.o\.b)([^a-z]|$)|birth|born|geburt|naissance|nacimiento/i.test(name);
}
