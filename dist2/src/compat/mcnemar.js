/**
 * McNemar's test on the discordant pairs of a paired 2×2 table: under "both models are equally
 * accurate" each discordant row is a negative or a positive flip with probability ½.
 */
import binomialCdf from "@stdlib/stats-base-dists-binomial-cdf";
import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
/**
 * Exact two-sided p-value: min(1, 2·P[Binomial(b + c, ½) ≤ min(b, c)]), as statsmodels'
 * mcnemar(exact=True) and scipy.stats.binomtest. 1 when there are no discordant pairs.
 */
export function mcnemarExact(negativeFlips, positiveFlips) {
    const discordant = negativeFlips + positiveFlips;
    if (discordant === 0)
        return 1;
    return Math.min(1, 2 * binomialCdf(Math.min(negativeFlips, positiveFlips), discordant, 0.5));
}
/** The continuity-corrected χ² version on 1 degree of freedom: (|b − c| − 1)² / (b + c). */
export function mcnemarChiSquare(negativeFlips, positiveFlips) {
    const discordant = negativeFlips + positiveFlips;
    if (discordant === 0)
        return { statistic: 0, pValue: 1 };
    const statistic = (Math.abs(negativeFlips - positiveFlips) - 1) ** 2 / discordant;
    // χ²₁ tail = two-sided normal tail of √statistic; this form keeps precision for tiny p-values.
    return { statistic, pValue: 2 * normalCdf(-Math.sqrt(statistic), 0, 1) };
}
