/**
 * Wilson score interval for a binomial proportion k/n, without continuity correction:
 *   centre = (p̂ + z²/2n) / (1 + z²/n),  half-width = z/(1 + z²/n) · √(p̂(1 − p̂)/n + z²/4n²),
 * z the two-sided normal critical value at `level` (./two-sided-z.ts). The bounds are exactly 0 at
 * k = 0 and exactly 1 at k = n (where the formula gives them up to rounding), and null for n = 0.
 * Counterpart: statsmodels.stats.proportion.proportion_confint(k, n, alpha, method="wilson").
 *
 * Chosen over the Wald interval because it stays inside [0, 1] and keeps close to its nominal coverage
 * at small n and extreme rates (Brown, Cai & DasGupta 2001); the exact one-sided Clopper–Pearson
 * bounds are in ./clopper-pearson.ts.
 */
import { twoSidedZ } from "./two-sided-z.js";
export function wilsonInterval(k, n, level = 0.95) {
    if (n <= 0)
        return null;
    const z = twoSidedZ(level);
    const p = k / n;
    const z2 = z * z;
    const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
    return [k <= 0 ? 0 : Math.max(0, centre - half), k >= n ? 1 : Math.min(1, centre + half)];
}
