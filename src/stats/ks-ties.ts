import type { Distribution } from "./distribution.js";
import { hypergeometricSample } from "./hypergeometric-sample.js";
import { monteCarloPValue, seedFrom } from "./monte-carlo-p.js";

/** A pooled sample is heavily tied when it has at most this many distinct values … */
const KS_TIES_MAX_DISTINCT = 2_000;

export interface KsTiesResult {
  pValue: number;
  draws: number;
  /** Distinct pooled values. */
  distinct: number;
}

/**
 * Permutation p-value of the two-sample KS statistic for heavily tied data (counts, codes, rounded
 * values), where SciPy's p-values, which assume continuous data, are very conservative (0–1% size
 * at α = 5% on a Poisson column). Under no drift the pooled values are exchangeable; given the
 * pooled count t_v of each distinct value the reference's counts are a multivariate hypergeometric
 * draw, made value by value (`hypergeometricSample`). D is compared as the exact integer
 * max_v |A_v·m − B_v·n| (A, B the running counts), so ties in D count. Seeded Monte-Carlo with the
 * Besag–Clifford rule (`monteCarloPValue`).
 *
 * Applies when both totals are integers, the pooled sample has ties (distinct values ≤ N/2) and at
 * most KS_TIES_MAX_DISTINCT distinct values; otherwise null (the continuous p-value is then
 * accurate enough, and a draw would cost O(distinct values)). `continuous` is the SciPy p-value: it
 * is ≥ the exact discrete one, so when it is below 1/(maxDraws + 1) it is returned as it is (a valid,
 * smaller p-value than the simulation could resolve).
 */
export function ksTiesPValue(
  reference: Distribution,
  current: Distribution,
  continuous: number,
  maxDraws = 9_999,
): KsTiesResult | null {
  const n = reference.total;
  const m = current.total;
  if (!Number.isInteger(n) || !Number.isInteger(m) || n === 0 || m === 0) return null;
  const pooled: number[] = [];
  const refCounts: number[] = [];
  const a = reference.values;
  const b = current.values;
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (pooled.length > KS_TIES_MAX_DISTINCT) return null;
    if (j >= b.length || (i < a.length && a[i] < b[j])) {
      pooled.push(reference.counts[i]);
      refCounts.push(reference.counts[i++]);
    } else if (i >= a.length || b[j] < a[i]) {
      pooled.push(current.counts[j++]);
      refCounts.push(0);
    } else {
      pooled.push(reference.counts[i] + current.counts[j++]);
      refCounts.push(reference.counts[i++]);
    }
  }
  const total = n + m;
  if (pooled.length > KS_TIES_MAX_DISTINCT || pooled.length > total / 2) return null;
  if (!(continuous > 1 / (maxDraws + 1)))
    return { pValue: Math.max(continuous, 1e-300), draws: 0, distinct: pooled.length };
  let observed = 0;
  let cumA = 0;
  let cumB = 0;
  for (let v = 0; v < pooled.length; v++) {
    cumA += refCounts[v];
    cumB += pooled[v] - refCounts[v];
    observed = Math.max(observed, Math.abs(cumA * m - cumB * n));
  }
  if (observed === 0) return { pValue: 1, draws: 0, distinct: pooled.length };
  const last = pooled.length - 1; // the gap is 0 after the last value
  const mc = monteCarloPValue(
    (random) => {
      let rest = total;
      let refLeft = n;
      let A = 0;
      let B = 0;
      for (let v = 0; v < last; v++) {
        const t = pooled[v];
        const x = hypergeometricSample(random, rest, t, refLeft);
        A += x;
        B += t - x;
        rest -= t;
        refLeft -= x;
        if (Math.abs(A * m - B * n) >= observed) return true;
      }
      return false;
    },
    { maxDraws, seed: seedFrom([n, m, observed, ...pooled, ...refCounts]) },
  );
  return { pValue: mc.pValue, draws: mc.draws, distinct: pooled.length };
}
