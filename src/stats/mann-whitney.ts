/**
 * The Mann–Whitney U test's two-sided asymptotic p-value, with the tie correction and the continuity
 * correction: U₁ = R₁ − n₁(n₁ + 1)/2 (R₁ the rank sum of sample 1, average ranks for ties),
 * σ² = n₁n₂/12 · ((n + 1) − Σ(t³ − t)/(n(n − 1))), z = (|U₁ − n₁n₂/2| − ½)/σ, p = 2·(1 − Φ(z)).
 * Under exchangeability (a permutation null) U₁'s mean and variance are exactly these, whatever the
 * ties. Counterpart: scipy.stats.mannwhitneyu(x, y, method="asymptotic") (use_continuity=True).
 * p = 1 when σ = 0 (every value tied) or a sample is empty. U₁/(n₁n₂) is sample 1's ROC AUC.
 */
import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import { averageRanks } from "./spearman.js";

export function mannWhitney(x: ArrayLike<number>, y: ArrayLike<number>): { u: number; pValue: number } {
  const n1 = x.length;
  const n2 = y.length;
  const all = new Float64Array(n1 + n2);
  for (let i = 0; i < n1; i++) all[i] = x[i];
  for (let i = 0; i < n2; i++) all[n1 + i] = y[i];
  const ranks = averageRanks(all);
  let r1 = 0;
  for (let i = 0; i < n1; i++) r1 += ranks[i];
  const u = r1 - (n1 * (n1 + 1)) / 2;
  const n = n1 + n2;
  if (n1 === 0 || n2 === 0) return { u, pValue: 1 };
  const sorted = Float64Array.from(all).sort();
  let ties = 0;
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && sorted[end] === sorted[start]) end++;
    const t = end - start;
    ties += t * t * t - t;
    start = end;
  }
  const variance = ((n1 * n2) / 12) * (n + 1 - ties / (n * (n - 1)));
  if (!(variance > 0)) return { u, pValue: 1 };
  const z = Math.max(0, Math.abs(u - (n1 * n2) / 2) - 0.5) / Math.sqrt(variance);
  return { u, pValue: Math.min(1, 2 * (1 - normalCdf(z, 0, 1))) };
}
