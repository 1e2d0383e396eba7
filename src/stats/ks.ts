import type { Distribution } from "./distribution.js";
import { gcd } from "./gcd.js";
import { kolmogorovSf } from "./kolmogorov.js";
import { ksExactPValue } from "./ks-exact.js";

export interface KsResult {
  /** D = sup |F_ref − F_cur| over the pooled values (right-continuous ECDFs). */
  statistic: number;
  pValue: number;
  /** "exact" lattice-path probability or "asymp" = kstwo.sf(D, round(n·m/(n+m))), as SciPy's method='auto'. */
  method: "exact" | "asymp";
  /** The value where the largest gap occurs, and its sign (+1: the reference CDF is higher there). */
  location: number;
  sign: 1 | -1;
}

/** SciPy's 'auto' switches to the asymptotic p-value above this sample size. */
const KS_EXACT_MAX_N = 10_000;

/**
 * Two-sample, two-sided Kolmogorov–Smirnov test with scipy.stats.ks_2samp(method='auto')
 * semantics, by one merge walk over two sorted distributions: O(distinct values).
 */
export function ksTest(reference: Distribution, current: Distribution): KsResult {
  const n1 = reference.total;
  const n2 = current.total;
  if (n1 === 0 || n2 === 0)
    return { statistic: Number.NaN, pValue: Number.NaN, method: "asymp", location: Number.NaN, sign: 1 };
  const gap = largestGap(reference, current);
  const d = gap.statistic;
  const integral = Number.isInteger(n1) && Number.isInteger(n2);
  if (integral && Math.max(n1, n2) <= KS_EXACT_MAX_N) {
    const g = gcd(n1, n2);
    const lcm = (n1 / g) * n2;
    const h = Math.round(d * lcm);
    return { ...gap, statistic: h / lcm, pValue: ksExactPValue(n1, n2, h), method: "exact" };
  }
  const en = (n1 * n2) / (n1 + n2);
  return { ...gap, pValue: kolmogorovSf(Math.max(1, roundHalfEven(en)), d), method: "asymp" };
}

/** D, where it happens, and its sign, from one merge walk. */
function largestGap(
  reference: Distribution,
  current: Distribution,
): { statistic: number; location: number; sign: 1 | -1 } {
  const a = reference.values;
  const ca = reference.counts;
  const b = current.values;
  const cb = current.counts;
  const na = reference.total;
  const nb = current.total;
  let i = 0;
  let j = 0;
  let cumA = 0;
  let cumB = 0;
  let maxDiff = 0;
  let maxAt = Number.NaN;
  let minDiff = 0;
  let minAt = Number.NaN;
  while (i < a.length || j < b.length) {
    let v: number;
    if (j >= b.length || (i < a.length && a[i] < b[j])) {
      v = a[i];
      cumA += ca[i++];
    } else if (i >= a.length || b[j] < a[i]) {
      v = b[j];
      cumB += cb[j++];
    } else {
      v = a[i];
      cumA += ca[i++];
      cumB += cb[j++];
    }
    const diff = cumA / na - cumB / nb;
    if (diff > maxDiff) {
      maxDiff = diff;
      maxAt = v;
    } else if (diff < minDiff) {
      minDiff = diff;
      minAt = v;
    }
  }
  if (-minDiff > maxDiff) return { statistic: -minDiff, location: minAt, sign: -1 };
  return { statistic: maxDiff, location: maxAt, sign: 1 };
}

/** NumPy's np.round: halves go to the even neighbour. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
