/**
 * Spelling variants: the standardisation problem ("U.S." for "US", "male" for "Male").
 * An unseen value is a likely variant of a known one when they are equal after folding case,
 * punctuation and whitespace, or within a small Damerau–Levenshtein distance.
 */
interface SpellingVariant {
  value: string;
  known: string;
  /** How they differ: "case", "punctuation/whitespace" (after case folding), or "edit distance N". */
  kind: string;
}

/** Lower-cases and drops everything that is not a letter or digit. */
export function foldValue(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

/** The known value an unseen one most likely misspells, or null. */
export function spellingVariantOf(value: string, known: readonly string[]): SpellingVariant | null {
  const lower = value.toLowerCase();
  const caseMatch = known.find((k) => k.toLowerCase() === lower);
  if (caseMatch !== undefined) return { value, known: caseMatch, kind: "case" };
  const folded = foldValue(value);
  if (folded.length > 0) {
    const foldMatch = known.find((k) => foldValue(k) === folded);
    if (foldMatch !== undefined) return { value, known: foldMatch, kind: "punctuation/whitespace" };
  }
  // Short values need an exact fold: "US" and "UK" are one edit apart and both real.
  const budget = folded.length >= 8 ? 2 : folded.length >= 4 ? 1 : 0;
  if (budget === 0) return null;
  let best: { known: string; distance: number } | null = null;
  for (const k of known) {
    const d = editDistance(folded, foldValue(k), budget);
    if (d <= budget && (!best || d < best.distance)) best = { known: k, distance: d };
  }
  return best ? { value, known: best.known, kind: `edit distance ${best.distance}` } : null;
}

/** Damerau–Levenshtein (optimal string alignment) distance, giving up above `limit`. */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => {
    const row = new Array<number>(cols).fill(0);
    row[0] = i;
    return row;
  });
  for (let j = 0; j < cols; j++) d[0][j] = j;
  for (let i = 1; i < rows; i++) {
    let rowMin = Number.POSITIVE_INFINITY;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, d[i - 2][j - 2] + 1);
      d[i][j] = v;
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > limit) return limit + 1;
  }
  return d[a.length][b.length];
}
