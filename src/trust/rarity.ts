/**
 * Rarity: how rare the row's rarest value is, −ln of the smallest share of reference rows that have
 * a value as extreme, one column at a time. A category's share is its reference frequency smoothed by
 * one extra count per category and one for "never seen": (count + 1) / (n + K + 1); a number's is
 * the share of reference rows at least as far from the mean (its |z| tail, extrapolated beyond the
 * reference's largest distance); a missing cell's is the smoothed share of rows missing there. The
 * rarest cell rather than a sum over columns, so that one impossible value — age 150, a category never
 * seen — outranks any row of merely uncommon values. Mahalanobis, k-NN and the forest look at
 * combinations; this looks at each value alone (on adult, age 150 is less extreme for Mahalanobis than
 * a genuine capital gain of 99,999, but no reference row is as far from the mean age).
 */
import { type Encoded, type FeatureSpace, MISSING } from "./feature-space.js";
import { tailDecades } from "./tail-transform.js";

function smoothed(count: number, rows: number, categories: number): number {
  return (count + 1) / (rows + categories + 1);
}

interface CellShare {
  column: string;
  /** Share of reference rows at least as extreme in this column alone. */
  share: number;
  missing: boolean;
  unseen: boolean;
}

/** Cell j of row i: text columns first (q of them), then numeric ones (p). */
function cellShare(space: FeatureSpace, encoded: Encoded, i: number, j: number): CellShare {
  const q = space.categorical.length;
  if (j < q) {
    const f = space.categorical[j];
    const code = encoded.codes[i * q + j];
    const categories = f.categories.length + (f.missing > 0 ? 1 : 0);
    const count = code >= 0 ? f.counts[code] : code === MISSING ? f.missing : 0;
    return {
      column: f.name,
      share: smoothed(count, space.rows, categories),
      missing: code === MISSING,
      unseen: code < 0 && code !== MISSING,
    };
  }
  const p = space.numeric.length;
  const f = space.numeric[j - q];
  if (encoded.missing[i * p + (j - q)] === 1)
    return { column: f.name, share: smoothed(f.missing, space.rows, 2), missing: true, unseen: false };
  const share = 10 ** -tailDecades(f.tail, Math.abs(encoded.z[i * p + (j - q)]));
  return { column: f.name, share, missing: false, unseen: false };
}

export function rarityScores(space: FeatureSpace, encoded: Encoded): Float64Array {
  const cells = space.categorical.length + space.numeric.length;
  const out = new Float64Array(encoded.n);
  for (let i = 0; i < encoded.n; i++) {
    let rarest = 1;
    for (let j = 0; j < cells; j++) rarest = Math.min(rarest, cellShare(space, encoded, i, j).share);
    out[i] = -Math.log(rarest);
  }
  return out;
}

/** Every cell of row i with its reference share. */
export function cellShares(space: FeatureSpace, encoded: Encoded, i: number): CellShare[] {
  const cells = space.categorical.length + space.numeric.length;
  return Array.from({ length: cells }, (_, j) => cellShare(space, encoded, i, j));
}
