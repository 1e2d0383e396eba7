/**
 * The least-squares slope of y on x with its standard error and t interval:
 *   b = Sxy / Sxx,  se(b) = √(SSE / (m − 2) / Sxx),  CI = b ± t_{m−2, 1−α/2} · se(b).
 * Counterpart: scipy.stats.linregress(x, y) (slope, stderr) with scipy.stats.t.ppf for the interval.
 * The interval is null below three points or when x does not vary; se is 0 for a perfect fit.
 */
import tQuantile from "@stdlib/stats-base-dists-t-quantile";

interface SlopeFit {
  slope: number;
  intercept: number;
  standardError: number | null;
  ci: [number, number] | null;
  n: number;
}

export function olsSlope(x: ArrayLike<number>, y: ArrayLike<number>, level = 0.95): SlopeFit {
  const m = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < m; i++) {
    mx += x[i] / m;
    my += y[i] / m;
  }
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < m; i++) {
    sxx += (x[i] - mx) ** 2;
    sxy += (x[i] - mx) * (y[i] - my);
  }
  if (!(sxx > 0)) return { slope: Number.NaN, intercept: Number.NaN, standardError: null, ci: null, n: m };
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  if (m < 3) return { slope, intercept, standardError: null, ci: null, n: m };
  let sse = 0;
  for (let i = 0; i < m; i++) sse += (y[i] - intercept - slope * x[i]) ** 2;
  const standardError = Math.sqrt(sse / (m - 2) / sxx);
  const t = tQuantile(1 - (1 - level) / 2, m - 2);
  return {
    slope,
    intercept,
    standardError,
    ci: [slope - t * standardError, slope + t * standardError],
    n: m,
  };
}
