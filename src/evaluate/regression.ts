/** Regression metrics, scikit-learn definitions: MAE, RMSE, R² and MAPE. */
import { type BootstrapOptions, DEFAULT_LEVEL, stratifiedBootstrap } from "../stats/bootstrap.js";
import { type Estimate, estimates } from "./estimate.js";

export const REGRESSION_METRICS = ["mae", "rmse", "r2", "mape"] as const;
export type RegressionMetricName = (typeof REGRESSION_METRICS)[number];

/** sklearn's MAPE guards against y = 0 with the machine epsilon, so a zero target gives a huge, finite term. */
const MAPE_EPS = 2.220446049250313e-16;

/**
 * All regression metrics with each row weighted by `weights` (ones when omitted), in
 * REGRESSION_METRICS order. R² follows sklearn's force_finite rule: a constant target gives 1 when
 * the predictions are perfect and 0 otherwise.
 */
export function regressionMetrics(
  actual: ArrayLike<number>,
  predicted: ArrayLike<number>,
  weights?: ArrayLike<number>,
): Float64Array {
  let total = 0;
  let sumY = 0;
  for (let i = 0; i < actual.length; i++) {
    const w = weights ? weights[i] : 1;
    total += w;
    sumY += w * actual[i];
  }
  const meanY = sumY / total;
  let abs = 0;
  let sq = 0;
  let ape = 0;
  let tot = 0;
  for (let i = 0; i < actual.length; i++) {
    const w = weights ? weights[i] : 1;
    if (w === 0) continue;
    const e = actual[i] - predicted[i];
    abs += w * Math.abs(e);
    sq += w * e * e;
    ape += (w * Math.abs(e)) / Math.max(Math.abs(actual[i]), MAPE_EPS);
    const d = actual[i] - meanY;
    tot += w * d * d;
  }
  const r2 = tot === 0 ? (sq === 0 ? 1 : 0) : 1 - sq / tot;
  return Float64Array.of(abs / total, Math.sqrt(sq / total), r2, ape / total);
}

/** Regression metrics with a plain (unstratified) percentile bootstrap interval each. */
export function evaluateRegression(
  actual: ArrayLike<number>,
  predicted: ArrayLike<number>,
  options: BootstrapOptions = {},
): { n: number; metrics: Record<RegressionMetricName, Estimate> } {
  const n = actual.length;
  const all = new Uint32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  const samples = stratifiedBootstrap([all], n, (w) => regressionMetrics(actual, predicted, w), options);
  const list = estimates(regressionMetrics(actual, predicted), samples, n, options.level ?? DEFAULT_LEVEL);
  return {
    n,
    metrics: Object.fromEntries(REGRESSION_METRICS.map((m, k) => [m, list[k]])) as Record<
      RegressionMetricName,
      Estimate
    >,
  };
}
