import { ddBuckets } from "./ddsketch.js";
import { gridBuckets } from "./grid.js";
/** Buckets in ascending value order. */
export function sketchBuckets(state) {
    return state.kind === "ddsketch" ? ddBuckets(state) : gridBuckets(state);
}
/**
 * The q-quantile: the bucket holding the element of rank floor(q·(n−1)) (0-based, ascending), reported as the
 * bucket's value. For a DDSketch it is within the relative accuracy of that element; for a grid, within one cell.
 */
export function sketchQuantile(state, q) {
    const buckets = sketchBuckets(state);
    let n = 0;
    for (const b of buckets)
        n += b.count;
    if (n === 0)
        return null;
    const rank = Math.floor(q * (n - 1));
    let seen = 0;
    for (const b of buckets) {
        seen += b.count;
        if (seen > rank)
            return b.value;
    }
    return buckets[buckets.length - 1].value;
}
/** Approximate fraction of values ≤ x, spreading each bucket's count uniformly over its interval. */
export function sketchCdf(state, x) {
    const buckets = sketchBuckets(state);
    let n = 0;
    let below = 0;
    for (const b of buckets) {
        n += b.count;
        if (b.hi <= x)
            below += b.count;
        else if (b.lo < x)
            below += (b.count * (x - b.lo)) / (b.hi - b.lo);
    }
    return n === 0 ? Number.NaN : below / n;
}
