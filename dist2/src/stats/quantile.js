/** Interpolates between two neighbouring order statistics as NumPy does (from the nearer end). */
function lerp(a, b, t) {
    const diff = b - a;
    return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}
/** Quantile p ∈ [0, 1] of ascending values (NaN when there are none). */
export function quantileSorted(sorted, p) {
    const n = sorted.length;
    if (n === 0)
        return Number.NaN;
    const h = (n - 1) * p;
    const low = Math.max(0, Math.min(Math.floor(h), n - 1));
    const high = Math.min(low + 1, n - 1);
    return lerp(sorted[low], sorted[high], h - Math.floor(h));
}
/** Quantile p ∈ [0, 1] of a weighted distribution, read from the counts without expanding them. */
export function quantile(d, p) {
    if (d.total === 0)
        return Number.NaN;
    const h = (d.total - 1) * p;
    const low = Math.max(0, Math.min(Math.floor(h), d.total - 1));
    const a = orderStatistic(d, low);
    const b = orderStatistic(d, Math.min(low + 1, d.total - 1));
    return lerp(a, b, h - Math.floor(h));
}
/** The value at 0-based rank r of the expanded sample. */
function orderStatistic(d, rank) {
    // A linear scan: callers ask for a handful of quantiles (nine decile edges, a profile's seven).
    let seen = 0;
    for (let i = 0; i < d.values.length; i++) {
        seen += d.counts[i];
        if (rank < seen)
            return d.values[i];
    }
    return d.values[d.values.length - 1];
}
