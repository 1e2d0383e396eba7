/**
 * Newcombe's hybrid score intervals for a difference of two proportions, built from the Wilson
 * intervals of each (./wilson.ts), so they stay valid at 0 and 1 where a bootstrap of the difference
 * collapses (a TPR of 15/15 resamples to 1 every time):
 * - independent samples (Newcombe 1998, Stat Med 17:873, method 10), p₁ = k₁/n₁, p₂ = k₂/n₂,
 *   d = p₁ − p₂:  [d − √((p₁ − l₁)² + (u₂ − p₂)²),  d + √((u₁ − p₁)² + (p₂ − l₂)²)];
 * - paired samples (Newcombe 1998, Stat Med 17:2635, method 10), cells a (both), b (first only),
 *   c (second only), d (neither) of n pairs; p₁ = (a + b)/n, p₂ = (a + c)/n, δ = p₂ − p₁, φ the phi
 *   coefficient of the 2×2 table (0 when a margin is empty):
 *   [δ − √((p₂ − l₂)² − 2φ(p₂ − l₂)(u₁ − p₁) + (u₁ − p₁)²),  δ + √((u₂ − p₂)² − 2φ(u₂ − p₂)(p₁ − l₁) + (p₁ − l₁)²)].
 * Counterparts: R's DescTools::BinomDiffCI(method = "score") for the first, and the "newcombe" method of
 * statsmodels' confint_proportions_2indep; the paired one is DescTools::BinomDiffCI's paired "score".
 */
import { wilsonInterval } from "./wilson.js";
/** Interval for k₁/n₁ − k₂/n₂ (independent samples); null when either n is 0. */
export function newcombeDifference(k1, n1, k2, n2, level = 0.95) {
    const w1 = wilsonInterval(k1, n1, level);
    const w2 = wilsonInterval(k2, n2, level);
    if (!w1 || !w2)
        return null;
    const p1 = k1 / n1;
    const p2 = k2 / n2;
    const d = p1 - p2;
    return [
        Math.max(-1, d - Math.hypot(p1 - w1[0], w2[1] - p2)),
        Math.min(1, d + Math.hypot(w1[1] - p1, p2 - w2[0])),
    ];
}
/**
 * Interval for the paired difference p₂ − p₁ = (c − b)/n, with a = both successes, b = the first
 * only, c = the second only, d = neither; null when n = 0.
 */
export function newcombePairedDifference(a, b, c, d, level = 0.95) {
    const n = a + b + c + d;
    if (n <= 0)
        return null;
    const [l1, u1] = wilsonInterval(a + b, n, level);
    const [l2, u2] = wilsonInterval(a + c, n, level);
    const p1 = (a + b) / n;
    const p2 = (a + c) / n;
    const delta = p2 - p1;
    const margins = (a + b) * (c + d) * (a + c) * (b + d);
    const phi = margins > 0 ? (a * d - b * c) / Math.sqrt(margins) : 0;
    const below = (p2 - l2) ** 2 - 2 * phi * (p2 - l2) * (u1 - p1) + (u1 - p1) ** 2;
    const above = (u2 - p2) ** 2 - 2 * phi * (u2 - p2) * (p1 - l1) + (p1 - l1) ** 2;
    return [
        Math.max(-1, delta - Math.sqrt(Math.max(0, below))),
        Math.min(1, delta + Math.sqrt(Math.max(0, above))),
    ];
}
