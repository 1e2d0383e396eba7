/**
 * Wald interval for a ROC AUC on the logit scale from DeLong's variance V (no resampling):
 *   se = √V / (Â(1 − Â)),  interval expit(logit Â ∓ z·se),
 * z the two-sided normal critical value at `level` (./two-sided-z.ts). It stays inside (0, 1). When V = 0
 * or Â is 0 or 1 the data say nothing about the spread, so the interval is Wilson's for Â as a proportion
 * of `trials` = min(positives, negatives), as in ./auc-interval.ts (the bootstrap-t interval that
 * evaluate reports, which this one stands in for where no bootstrap runs: compare, conformal, the
 * monitor). Null without trials or a finite Â.
 */
import { twoSidedZ } from "./two-sided-z.js";
import { wilsonInterval } from "./wilson.js";

export function aucLogitInterval(
  auc: number,
  variance: number,
  trials: number,
  level = 0.95,
): [number, number] | null {
  if (!Number.isFinite(auc) || !(trials > 0)) return null;
  if (!(variance > 0) || auc <= 0 || auc >= 1) return wilsonInterval(auc * trials, trials, level);
  const centre = Math.log(auc / (1 - auc));
  const half = (twoSidedZ(level) * Math.sqrt(variance)) / (auc * (1 - auc));
  const expit = (x: number) => 1 / (1 + Math.exp(-x));
  return [expit(centre - half), expit(centre + half)];
}
