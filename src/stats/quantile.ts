/**
 * Sample quantiles, NumPy's default method ('linear', Hyndman & Fan / R type 7), the one convention of
 * the project (profiles, drift's decile edges, bootstrap percentile intervals, slice bins):
 *   h = (N − 1)·p, then interpolate between the order statistics x₍⌊h⌋₎ and x₍⌊h⌋+1₎ (0-based),
 * written as NumPy 1.24's `_lerp` does — a + (b − a)·t for t < ½, b − (b − a)·(1 − t) for t ≥ ½ — so
 * the results are bit-identical to `numpy.quantile(x, p)`, not merely close.
 * Counterpart: numpy.quantile(x, p) / numpy.percentile(x, 100·p), method="linear".
 */
import type { Distribution } from "./distribution.js";

/** Interpolates between two neighbouring order statistics as NumPy does (from the nearer end). */
function lerp(a: number, b: number, t: number): number {
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/** Quantile p ∈ [0, 1] of ascending values (NaN when there are none). */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const low = Math.max(0, Math.min(Math.floor(h), n - 1));
  const high = Math.min(low + 1, n - 1);
  return lerp(sorted[low], sorted[high], h - Math.floor(h));
}

/** Quantile p ∈ [0, 1] of a weighted distribution, read from the counts without expanding them. */
export function quantile(d: Distribution, p: number): number {
  if (d.total === 0) return Number.NaN;
  const h = (d.total - 1) * p;
  const low = Math.max(0, Math.min(Math.floor(h), d.total - 1));
  const a = orderStatistic(d, low);
  const b = orderStatistic(d, Math.min(low + 1, d.total - 1));
  return lerp(a, b, h - Math.floor(h));
}

/** The value at 0-based rank r of the expanded sample. */
function orderStatistic(d: Distribution, rank: number): number {
  // A linear scan: callers ask for a handful of quantiles (nine decile edges, a profile's seven).
  let seen = 0;
  for (let i = 0; i < d.values.length; i++) {
    seen += d.counts[i];
    if (rank < seen) return d.values[i];
  }
  return d.values[d.values.length - 1];
}
