/**
 * A fixed monotone map of a detector's score to [0, 1]: its rank among reference scores, read from
 * `levels` + 1 quantiles (numpy 'linear') and interpolated between them. Fitted on the rows the
 * detectors were fitted on — never on the calibration rows — so the ensemble of ranks is a fixed
 * function when the calibration rows are scored, and its conformal p-values stay valid.
 */

import { sortFloat64 } from "../drift/sort.js";
import { quantileSorted } from "../evaluate/bootstrap.js";

export function rankKnots(scores: Float64Array, levels = 1000): Float64Array {
  const sorted = sortFloat64(scores);
  return Float64Array.from({ length: levels + 1 }, (_, j) => quantileSorted(sorted, j / levels));
}

/** The interpolated rank of s among the knots: 0 below the first, 1 above the last, mid-plateau on ties. */
export function rankOf(knots: ArrayLike<number>, s: number): number {
  const levels = knots.length - 1;
  if (s < knots[0]) return 0;
  if (s > knots[levels]) return 1;
  const below = lowerBound(knots, s);
  const through = upperBound(knots, s);
  if (through > below) return (below + through - 1) / 2 / levels;
  // knots[below − 1] < s < knots[below]
  const lo = knots[below - 1];
  const hi = knots[below];
  return (below - 1 + (s - lo) / (hi - lo)) / levels;
}

/** First index whose value is ≥ s. */
export function lowerBound(sorted: ArrayLike<number>, s: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < s) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose value is > s. */
export function upperBound(sorted: ArrayLike<number>, s: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= s) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
