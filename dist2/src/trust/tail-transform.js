/**
 * A fixed monotone map from a detector's score to how rare that score is among reference rows: the
 * tail share P̂(score ≥ s), read from knots at the quantile levels 1 − 10^(−j/100) — a hundred per
 * decade, so the far tail, where out-of-distribution rows fall, is resolved down to 1/n — and
 * interpolated linearly in −log₁₀(tail) between them. Beyond the largest reference score the tail is
 * extrapolated as exponential — −log₁₀(tail) keeps growing linearly at the slope of the last decade
 * of knots — rather than capped: with a cap, every row beyond the reference maximum of any detector
 * tied at one value, and a row with age 150 could not outrank a held-out row just past the maximum
 * (on adult with 500 k-NN points only 5% of such rows were flagged). Fitted on the rows the detectors
 * were fitted on, never on the calibration rows, so the
 * ensemble is a fixed function when the calibration rows are scored and its conformal p-values stay
 * valid. Ties count against the row: a score equal to a run of reference scores gets the run's share.
 */
import { quantileSorted } from "../stats/quantile.js";
import { sortFloat64 } from "../stats/sort.js";
export function tailKnots(reference) {
    const n = reference.length;
    const sorted = sortFloat64(reference);
    const last = Math.floor(100 * Math.log10(n));
    const decades = [];
    const scores = [];
    for (let j = 0; j <= last; j++) {
        decades.push(j / 100);
        scores.push(quantileSorted(sorted, 1 - 10 ** (-j / 100)));
    }
    decades.push(Math.log10(n + 1));
    scores.push(sorted[n - 1]);
    return { n, decades, scores };
}
/** Decades beyond which the extrapolated tail stops growing (10^−300 is near the smallest double). */
const MAX_DECADES = 300;
/** −log₁₀ P̂(reference score ≥ s). */
export function tailDecades(knots, s) {
    const { scores, decades } = knots;
    const m = scores.length;
    if (s <= scores[0])
        return 0;
    if (s > scores[m - 1]) {
        // The last knot a decade (or more) below the top that has a lower score sets the slope.
        let j = m - 2;
        while (j > 0 && (decades[m - 1] - decades[j] < 1 || scores[j] === scores[m - 1]))
            j--;
        const rise = scores[m - 1] - scores[j];
        if (!(rise > 0))
            return MAX_DECADES;
        const slope = (decades[m - 1] - decades[j]) / rise;
        return Math.min(MAX_DECADES, decades[m - 1] + slope * (s - scores[m - 1]));
    }
    const at = lowerBound(scores, s); // first knot ≥ s, at ≥ 1
    if (scores[at] === s)
        return decades[at];
    const lo = scores[at - 1];
    const hi = scores[at];
    return decades[at - 1] + ((s - lo) / (hi - lo)) * (decades[at] - decades[at - 1]);
}
/** First index whose value is ≥ s. */
export function lowerBound(sorted, s) {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (sorted[mid] < s)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}
