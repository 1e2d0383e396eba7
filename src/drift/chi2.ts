import gammainc from "@stdlib/math-base-special-gammainc";

export interface Chi2Result {
  statistic: number;
  pValue: number;
  dof: number;
  /** Yates' continuity correction is applied when dof = 1, as scipy.stats.chi2_contingency does. */
  yates: boolean;
}

/**
 * Chi-square test of homogeneity on the 2×k table [reference counts; current counts] — a
 * two-sample test, not a goodness-of-fit against reference frequencies treated as exact.
 * Expected counts come from the margins; dof = k − 1; with dof = 1 each |observed − expected| is
 * reduced by min(0.5, |observed − expected|) (Yates). Categories absent from both rows must be
 * dropped by the caller. p = Q(dof/2, χ²/2), the upper regularised incomplete gamma (accurate
 * far into the tail, where 1 − CDF would round to 0).
 */
export function chi2Homogeneity(reference: ArrayLike<number>, current: ArrayLike<number>): Chi2Result {
  const k = reference.length;
  let r = 0;
  let c = 0;
  for (let i = 0; i < k; i++) {
    r += reference[i];
    c += current[i];
  }
  const dof = k - 1;
  const total = r + c;
  if (dof <= 0 || r === 0 || c === 0) return { statistic: 0, pValue: 1, dof: Math.max(dof, 0), yates: false };
  const yates = dof === 1;
  let statistic = 0;
  for (let i = 0; i < k; i++) {
    const column = reference[i] + current[i];
    for (const [observed, rowTotal] of [
      [reference[i], r],
      [current[i], c],
    ]) {
      const expected = (rowTotal * column) / total;
      let diff = observed - expected;
      if (yates) diff = Math.sign(diff) * Math.max(0, Math.abs(diff) - 0.5);
      statistic += (diff * diff) / expected;
    }
  }
  return { statistic, pValue: chi2Sf(statistic, dof), dof, yates };
}

/** Upper tail of the chi-square distribution. */
export function chi2Sf(x: number, dof: number): number {
  if (!(x > 0)) return 1;
  return gammainc(x / 2, dof / 2, true, true);
}
