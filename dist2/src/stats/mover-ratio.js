/**
 * Interval for a ratio of two independent proportions p₁/p₂ by MOVER (Zou & Donner 2008, Stat Med
 * 27:1693, the "method of variance estimates recovery") from the Wilson limits (l, u) of each
 * (./wilson.ts), so it is valid at 0 and 1 where a percentile bootstrap of the ratio collapses:
 *   L = (p₁p₂ − √((p₁p₂)² − l₁u₂(2p₁ − l₁)(2p₂ − u₂))) / (u₂(2p₂ − u₂)),
 *   U = (p₁p₂ + √((p₁p₂)² − u₁l₂(2p₁ − u₁)(2p₂ − l₂))) / (l₂(2p₂ − l₂)),  U = ∞ when l₂ = 0.
 * At large counts it agrees with the Katz log interval exp(ln(p₁/p₂) ± z·√((1 − p₁)/k₁ + (1 − p₂)/k₂)).
 * Counterpart: statsmodels' confint_proportions_2indep(compare="ratio") offers Katz log and score
 * intervals; MOVER-Wilson is R's ratesci / PropCIs "Wilson MOVER" family.
 */
import { wilsonInterval } from "./wilson.js";
/** Interval for (k₁/n₁)/(k₂/n₂); null when either n is 0 or k₂ = 0 (the ratio is undefined). */
export function moverRatio(k1, n1, k2, n2, level = 0.95) {
    const w1 = wilsonInterval(k1, n1, level);
    const w2 = wilsonInterval(k2, n2, level);
    if (!w1 || !w2 || k2 <= 0)
        return null;
    const [l1, u1] = w1;
    const [l2, u2] = w2;
    const p1 = k1 / n1;
    const p2 = k2 / n2;
    const product = p1 * p2;
    const lower = (product - Math.sqrt(Math.max(0, product * product - l1 * u2 * (2 * p1 - l1) * (2 * p2 - u2)))) /
        (u2 * (2 * p2 - u2));
    const upperDenominator = l2 * (2 * p2 - l2);
    const upper = upperDenominator > 0
        ? (product + Math.sqrt(Math.max(0, product * product - u1 * l2 * (2 * p1 - u1) * (2 * p2 - l2)))) /
            upperDenominator
        : Number.POSITIVE_INFINITY;
    return [Math.max(0, Math.min(lower, p1 / p2)), Math.max(upper, p1 / p2)];
}
