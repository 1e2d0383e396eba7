/**
 * The mean of paired differences d_i = a_i − b_i with its t interval:
 *   d̄ ± t_{n−1, 1−α/2} · s_d / √n   (s_d with ddof = 1).
 * Counterpart: scipy.stats.ttest_rel(a, b).confidence_interval(level) (scipy ≥ 1.10), or
 * scipy.stats.t.interval(level, n − 1, loc=d̄, scale=s_d/√n). The interval is null below two pairs;
 * it is [d̄, d̄] when every difference is the same.
 */
import tQuantile from "@stdlib/stats-base-dists-t-quantile";

export interface PairedMean {
  mean: number;
  standardError: number | null;
  ci: [number, number] | null;
  n: number;
}

export function pairedMeanInterval(differences: ArrayLike<number>, level = 0.95): PairedMean {
  const n = differences.length;
  if (n === 0) return { mean: Number.NaN, standardError: null, ci: null, n };
  let mean = 0;
  for (let i = 0; i < n; i++) mean += differences[i];
  mean /= n;
  if (n < 2) return { mean, standardError: null, ci: null, n };
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (differences[i] - mean) ** 2;
  const standardError = Math.sqrt(ss / (n - 1) / n);
  const half = tQuantile(1 - (1 - level) / 2, n - 1) * standardError;
  return { mean, standardError, ci: [mean - half, mean + half], n };
}
