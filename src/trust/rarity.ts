/**
 * Categorical rarity: the surprisal −ln P̂(value) of the row's rarest cell, with P̂ smoothed by one
 * extra count per category and one for "never seen": P̂(v) = (count(v) + 1) / (n + K + 1). The rarest
 * cell rather than the sum over columns, so that a value never seen in the reference (the largest
 * surprisal a column can give) always outranks any combination of seen values — with the sum, a row
 * with several merely uncommon values hid an unseen one. Missingness counts as a category of its own
 * in every column, numeric ones included: a column that was always present and now is not is rare.
 */
import { type Encoded, type FeatureSpace, MISSING } from "./feature-space.js";

export function surprisal(count: number, rows: number, categories: number): number {
  return -Math.log((count + 1) / (rows + categories + 1));
}

/** The count behind a cell's surprisal: text columns first (q), then numeric missingness (p). */
function cellCount(
  space: FeatureSpace,
  encoded: Encoded,
  i: number,
  j: number,
): { count: number; categories: number } {
  const q = space.categorical.length;
  if (j < q) {
    const f = space.categorical[j];
    const code = encoded.codes[i * q + j];
    const categories = f.categories.length + (f.missing > 0 ? 1 : 0);
    if (code >= 0) return { count: f.counts[code], categories };
    return { count: code === MISSING ? f.missing : 0, categories };
  }
  const p = space.numeric.length;
  const f = space.numeric[j - q];
  const missing = encoded.missing[i * p + (j - q)] === 1;
  return { count: missing ? f.missing : space.rows - f.missing, categories: 2 };
}

export function rarityScores(space: FeatureSpace, encoded: Encoded): Float64Array {
  const cells = space.categorical.length + space.numeric.length;
  const out = new Float64Array(encoded.n);
  for (let i = 0; i < encoded.n; i++) {
    let rarest = 0;
    for (let j = 0; j < cells; j++) {
      const { count, categories } = cellCount(space, encoded, i, j);
      rarest = Math.max(rarest, surprisal(count, space.rows, categories));
    }
    out[i] = rarest;
  }
  return out;
}

/** How common each text value (and each numeric column's missingness) of row i was in the reference. */
export function categoryShares(
  space: FeatureSpace,
  encoded: Encoded,
  i: number,
): { column: string; share: number; surprisal: number; missing: boolean; unseen: boolean }[] {
  const q = space.categorical.length;
  const out = [];
  for (let j = 0; j < q + space.numeric.length; j++) {
    const { count, categories } = cellCount(space, encoded, i, j);
    const column = j < q ? space.categorical[j].name : space.numeric[j - q].name;
    const code = j < q ? encoded.codes[i * q + j] : 0;
    const missing = j < q ? code === MISSING : encoded.missing[i * space.numeric.length + (j - q)] === 1;
    out.push({
      column,
      share: count / space.rows,
      surprisal: surprisal(count, space.rows, categories),
      missing,
      unseen: j < q && code < 0 && code !== MISSING,
    });
  }
  return out;
}
