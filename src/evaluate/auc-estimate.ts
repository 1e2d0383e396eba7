/**
 * ROC AUC with DeLong's variance and the logit-scale Wald interval, from one pass of the metric engine:
 * what compare, conformal and the monitor use to ask whether scores run against the label, where
 * evaluate's bootstrap does not run.
 */
import { aucLogitInterval } from "../stats/auc-logit-interval.js";
import { AUC_VARIANCE, BINARY_METRICS, BinaryMetricEngine } from "./binary.js";

const ROC_AUC = BINARY_METRICS.indexOf("rocAuc");

export function rocAucEstimate(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  level = 0.95,
): { auc: number; variance: number; ci: [number, number] | null } | null {
  let positives = 0;
  for (let i = 0; i < labels.length; i++) positives += labels[i];
  const negatives = labels.length - positives;
  if (positives === 0 || negatives === 0) return null;
  const values = new BinaryMetricEngine(scores, labels, 0.5).metrics();
  const auc = values[ROC_AUC];
  const variance = values[AUC_VARIANCE];
  return { auc, variance, ci: aucLogitInterval(auc, variance, Math.min(positives, negatives), level) };
}
