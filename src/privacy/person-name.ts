import { GIVEN_NAMES, SURNAMES } from "./name-lists.js";

/** One word of a name: a capital, then lower-case letters, apostrophes, dashes (Unicode letters). */
const NAME_WORD = /^\p{Lu}[\p{Ll}'’-]*\p{Ll}\.?$|^\p{Lu}\.$/u;

/**
 * A person's name written as "Given [Middle] Surname" or "Surname, Given": two to four capitalised
 * words, the given name (first word, or the word after the comma) in `GIVEN_NAMES` or the surname in
 * `SURNAMES` — a documented heuristic, measured in docs/privacy.md.
 */
export function isPersonName(value: string): boolean {
  const text = value.trim().replace(/\s+/g, " ");
  if (text.length > 80) return false;
  const comma = /^([^,]+), ([^,]+)$/.exec(text);
  const [given, surname, words] = comma
    ? [
        comma[2].split(" ")[0],
        comma[1].split(" ").at(-1) ?? "",
        [...comma[1].split(" "), ...comma[2].split(" ")],
      ]
    : [text.split(" ")[0], text.split(" ").at(-1) ?? "", text.split(" ")];
  if (words.length < 2 || words.length > 4 || !words.every((w) => NAME_WORD.test(w))) return false;
  const key = (w: string) => w.toLowerCase().replace(/[.'’-]/g, "");
  return GIVEN_NAMES.has(key(given)) || SURNAMES.has(key(surname));
}
