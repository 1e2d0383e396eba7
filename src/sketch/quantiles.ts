import { type DDSketchState, ddBuckets } from "./ddsketch.js";
import { type GridState, gridBuckets } from "./grid.js";

export type QuantileSketch = DDSketchState | GridState;

interface SketchBucket {
  /** Interval the bucket covers (lo = hi for the exact-zero bucket). */
  lo: number;
  hi: number;
  /** The value the sketch reports for members of this bucket. */
  value: number;
  count: number;
}

/** Buckets in ascending value order. */
export function sketchBuckets(state: QuantileSketch): SketchBucket[] {
  return state.kind === "ddsketch" ? ddBuckets(state) : gridBuckets(state);
}

/**
 * The q-quantile: the bucket holding the element of rank floor(q·(n−1)) (0-based, ascending), reported as the
 * bucket's value. For a DDSketch it is within the relative accuracy of that element; for a grid, within one cell.
 */
export function sketchQuantile(state: QuantileSketch, q: number): number | null {
  const buckets = sketchBuckets(state);
  let n = 0;
  for (const b of buckets) n += b.count;
  if (n === 0) return null;
  const rank = Math.floor(q * (n - 1));
  let seen = 0;
  for (const b of buckets) {
    seen += b.count;
    if (seen > rank) return b.value;
  }
  return buckets[buckets.length - 1].value;
}

/** Approximate fraction of values ≤ x, spreading each bucket's count uniformly over its interval. */
export function sketchCdf(state: QuantileSketch, x: number): number {
  const buckets = sketchBuckets(state);
  let n = 0;
  let below = 0;
  for (const b of buckets) {
    n += b.count;
    if (b.hi <= x) below += b.count;
    else if (b.lo < x) below += (b.count * (x - b.lo)) / (b.hi - b.lo);
  }
  return n === 0 ? Number.NaN : below / n;
}
