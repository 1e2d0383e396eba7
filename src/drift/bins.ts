import type { Distribution } from "../stats/distribution.js";
import { quantile } from "../stats/quantile.js";

/** Counts per bin on both sides, over the same bins: what PSI, JS and the binned χ² are computed on. */
export interface BinnedCounts {
  reference: number[];
  current: number[];
}

/**
 * The reference-decile bins of a numeric column: edges q1…q9 of the reference (NumPy 'linear'
 * quantiles, src/stats/quantile.ts), bins (−∞, q₁], (q₁, q₂], …, (q₉, ∞) — the two outer bins catch
 * current values beyond the reference's range. No edges (and one bin) when the reference is empty.
 */
export function decileBins(
  reference: Distribution,
  current: Distribution,
): BinnedCounts & { edges: number[] } {
  const edges = reference.total > 0 ? decileEdges(reference) : [];
  return { edges, reference: binCounts(reference, edges), current: binCounts(current, edges) };
}

/** Decile edges q1…q9 of the reference. */
function decileEdges(reference: Distribution): number[] {
  const edges: number[] = [];
  for (let k = 1; k <= 9; k++) edges.push(quantile(reference, k / 10));
  return edges;
}

/**
 * Counts per bin for the bins (−∞, e₁], (e₁, e₂], …, (e_last, ∞): a value goes to the first bin
 * whose upper edge it does not exceed, the last bin holding everything above the top edge (the
 * overflow bin). Duplicate edges make empty bins.
 */
export function binCounts(d: Distribution, edges: number[]): number[] {
  const counts = new Array<number>(edges.length + 1).fill(0);
  let bin = 0;
  for (let i = 0; i < d.values.length; i++) {
    const v = d.values[i];
    while (bin < edges.length && v > edges[bin]) bin++;
    counts[bin] += d.counts[i];
  }
  return counts;
}

/** Counts → proportions (all zero when the total is zero). */
export function proportions(counts: ArrayLike<number>): number[] {
  let total = 0;
  for (let i = 0; i < counts.length; i++) total += counts[i];
  return Array.from(counts, (c) => (total > 0 ? c / total : 0));
}
