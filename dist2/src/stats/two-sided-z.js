/**
 * The two-sided standard normal critical value: z such that P(|Z| ≤ z) = level, i.e.
 * Φ⁻¹(1 − (1 − level)/2) (1.959964 at 95%). scipy.stats.norm.ppf(1 − (1 − level)/2); the normal
 * quantile is @stdlib's, not a rounded constant.
 */
import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";
export function twoSidedZ(level) {
    return normalQuantile(1 - (1 - level) / 2, 0, 1);
}
