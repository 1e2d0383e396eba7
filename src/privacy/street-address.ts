/**
 * A street address line: a house number and up to five words ending in a street type ("221B Baker
 * Street", "1600 Pennsylvania Ave NW", "12 Rue de Rivoli" …), or a street name ending in a German or Dutch
 * street suffix followed by a house number ("Hauptstraße 5", "Kalverstraat 92"). Optional trailing parts
 * after a comma (unit, city, postcode) are allowed.
 */
const STREET_TYPES =
  "street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|pl|terrace|close|square|sq|parkway|pkwy|highway|hwy|crescent|circle|cir|alley|row|trail";
const NUMBER_FIRST = new RegExp(
  `^\\d{1,6}[A-Za-z]?,?\\s+(?:[\\p{L}][\\p{L}.'-]*\\s+){0,5}(?:${STREET_TYPES})\\.?(?:\\s+(?:N|S|E|W|NE|NW|SE|SW)\\.?)?(?:\\s*,.*)?$`,
  "iu",
);
const PREFIX_TYPE =
  /^\d{1,6}[A-Za-z]?,?\s+(?:rue|avenue|calle|via|viale|avenida|rua|chemin)\s+[\p{L}\s.'-]+(?:,.*)?$/iu;
const NUMBER_LAST =
  /^[\p{L}.'-]+(?:straße|strasse|str\.|weg|gasse|platz|allee|straat|laan|gracht|plein|vej|gatan|gata)\s+\d{1,5}[a-z]?(?:\s*,.*)?$/iu;

export function isStreetAddress(value: string): boolean {
  const text = value.trim();
  return text.length <= 200 && (NUMBER_FIRST.test(text) || PREFIX_TYPE.test(text) || NUMBER_LAST.test(text));
}
