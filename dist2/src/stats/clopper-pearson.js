/**
 * Exact (Clopper–Pearson) one-sided confidence bounds on a binomial rate, by bisection on the binomial
 * CDF (@stdlib) to a relative width of 1e-15: the upper bound is the p with P(X ≤ k | n, p) = 1 − c,
 * the lower the p with P(X ≥ k | n, p) = 1 − c; closed forms at k = 0 (upper 1 − (1 − c)^(1/n)) and
 * k = n (lower (1 − c)^(1/n)). Counterparts: scipy.stats.beta.ppf(c, k + 1, n − k) and
 * beta.ppf(1 − c, k, n − k + 1); two of them at c = 1 − α/2 make statsmodels'
 * proportion_confint(method="beta").
 *
 * These turn "k of n rows broke the rule" into a statement that respects sample size: no missing
 * value in 30 000 rows does not mean the rate is 0, only that it is below 6.9/30 000 at 99.9%
 * confidence (the "rule of three" generalised).
 */
import binomialCdf from "@stdlib/stats-base-dists-binomial-cdf";
/** The p such that P(X ≤ k | n, p) = 1 − confidence: the rate is below it with that confidence. */
export function rateUpperBound(k, n, confidence) {
    if (n <= 0)
        return 1;
    if (k >= n)
        return 1;
    const alpha = 1 - confidence;
    if (k === 0)
        return 1 - alpha ** (1 / n); // closed form
    return bisect((p) => binomialCdf(k, n, p) - alpha, k / n, 1);
}
/** The p such that P(X ≥ k | n, p) = 1 − confidence: the rate is above it with that confidence. */
export function rateLowerBound(k, n, confidence) {
    if (n <= 0 || k <= 0)
        return 0;
    const alpha = 1 - confidence;
    if (k >= n)
        return alpha ** (1 / n);
    // P(X ≥ k) = 1 − cdf(k − 1) increases with p.
    return bisect((p) => alpha - (1 - binomialCdf(k - 1, n, p)), 0, k / n);
}
/** Root of a function that is decreasing across [lo, hi] (positive at lo, negative at hi). */
function bisect(f, lo, hi) {
    for (let i = 0; i < 100 && hi - lo > 1e-15 * Math.max(1e-300, hi); i++) {
        const mid = (lo + hi) / 2;
        if (f(mid) > 0)
            lo = mid;
        else
            hi = mid;
    }
    return (lo + hi) / 2;
}
