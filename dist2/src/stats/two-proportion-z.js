/**
 * Pooled two-proportion z test of x₁/n₁ against x₂/n₂:
 *   p̂ = (x₁ + x₂)/(n₁ + n₂),  z = (x₂/n₂ − x₁/n₁) / √(p̂(1 − p̂)(1/n₁ + 1/n₂)),  p = 2Φ(−|z|),
 * two-sided, @stdlib's normal CDF (accurate in the tail, no 1 − Φ cancellation). When the pooled
 * variance is 0 (p̂ ∈ {0, 1}) there is no evidence of a difference: z = 0, p = 1.
 * Counterpart: statsmodels.stats.proportion.proportions_ztest([x₂, x₁], [n₂, n₁]) (its default
 * pooled variance); z² equals the uncorrected χ² on the 2×2 table.
 */
import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
export function twoProportionZ(x1, n1, x2, n2) {
    const pooled = (x1 + x2) / (n1 + n2);
    const variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2);
    if (!(variance > 0))
        return { z: 0, pValue: 1 };
    const z = (x2 / n2 - x1 / n1) / Math.sqrt(variance);
    return { z, pValue: Math.min(1, 2 * normalCdf(-Math.abs(z), 0, 1)) };
}
