import normalCdf from "@stdlib/stats-base-dists-normal-cdf";

export interface MissingRateResult {
  reference: number;
  current: number;
  /** current − reference */
  difference: number;
  /** Pooled two-proportion z statistic. */
  statistic: number;
  pValue: number;
}

/**
 * Change in the missing rate, tested with the pooled two-proportion z test:
 * p̂ = (x₁ + x₂)/(n₁ + n₂), z = (p₂ − p₁) / √(p̂(1 − p̂)(1/n₁ + 1/n₂)), two-sided p = 2Φ(−|z|).
 * Missingness is a drift signal of its own: it is counted before any value is dropped.
 */
export function missingRate(
  referenceMissing: number,
  referenceRows: number,
  currentMissing: number,
  currentRows: number,
): MissingRateResult {
  const p1 = referenceRows > 0 ? referenceMissing / referenceRows : Number.NaN;
  const p2 = currentRows > 0 ? currentMissing / currentRows : Number.NaN;
  const pooled = (referenceMissing + currentMissing) / (referenceRows + currentRows);
  const variance = pooled * (1 - pooled) * (1 / referenceRows + 1 / currentRows);
  if (!(variance > 0)) return { reference: p1, current: p2, difference: p2 - p1, statistic: 0, pValue: 1 };
  const z = (p2 - p1) / Math.sqrt(variance);
  return {
    reference: p1,
    current: p2,
    difference: p2 - p1,
    statistic: z,
    pValue: Math.min(1, 2 * normalCdf(-Math.abs(z), 0, 1)),
  };
}
