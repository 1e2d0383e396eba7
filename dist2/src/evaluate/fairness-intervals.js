/**
 * Intervals for Fairlearn's between-group aggregates when exactly two groups are compared. The
 * aggregates are |a − b| and min(a/b, b/a), which sit on a boundary (0 and 1) when the groups are
 * equal: a percentile interval of |a − b|* then never reaches 0 and misses a true gap of 0 (and covers
 * a small true gap too rarely: 85% at a TPR gap of 0.017, n = 500, docs/evaluate.md). So an interval
 * for the signed difference a − b (Newcombe's, src/stats/newcombe.ts) or ratio a/b (MOVER-Wilson,
 * src/stats/mover-ratio.ts) is mapped through |·| (min(r, 1/r)): the image of an interval that holds
 * the signed value holds the aggregate.
 */
/** The image of [lo, hi] under |x|. */
export function absoluteInterval([lo, hi]) {
    if (lo <= 0 && hi >= 0)
        return [0, Math.max(-lo, hi)];
    return lo > 0 ? [lo, hi] : [-hi, -lo];
}
/** The image of [lo, hi] (a ratio, lo ≥ 0) under min(r, 1/r). */
export function foldedRatioInterval([lo, hi]) {
    const fold = (r) => (r <= 0 ? 0 : Math.min(r, 1 / r));
    if (lo <= 1 && hi >= 1)
        return [Math.min(fold(lo), fold(hi)), 1];
    const a = fold(lo);
    const b = fold(hi);
    return [Math.min(a, b), Math.max(a, b)];
}
/** An interval for max(x, y) from intervals for x and y. */
export function maxInterval(x, y) {
    return [Math.max(x[0], y[0]), Math.max(x[1], y[1])];
}
/** An interval for min(x, y) from intervals for x and y. */
export function minInterval(x, y) {
    return [Math.min(x[0], y[0]), Math.min(x[1], y[1])];
}
