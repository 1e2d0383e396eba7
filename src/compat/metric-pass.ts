/**
 * One model's binary metrics as a weighted pass over rows: weights[i] is how often row i was drawn in
 * a bootstrap resample (all ones for the point estimate). Rows are sorted by score once so ROC AUC is
 * a linear pass too.
 */

export const PAIRED_METRICS = [
  "accuracy",
  "precision",
  "recall",
  "f1",
  "balancedAccuracy",
  "mcc",
  "rocAuc",
  "logLoss",
  "brier",
] as const;
export type PairedMetricName = (typeof PAIRED_METRICS)[number];

/** Whether a larger value is better: a delta's sign is read through this. */
export const HIGHER_IS_BETTER: Record<PairedMetricName, boolean> = {
  accuracy: true,
  precision: true,
  recall: true,
  f1: true,
  balancedAccuracy: true,
  mcc: true,
  rocAuc: true,
  logLoss: false,
  brier: false,
};

const LOG_LOSS_EPS = 1e-15;

export interface MetricPass {
  readonly names: readonly string[];
  /** The metric values with row i weighted by weights[i]; NaN where a metric is undefined. */
  compute(weights: Uint32Array): Float64Array;
}

/** The metric pass of a binary classifier's scores (P(positive)) at a threshold. */
export function binaryMetricPass(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  threshold = 0.5,
): MetricPass {
  const n = scores.length;
  const order = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b] - scores[a]);
  const label = new Uint8Array(n);
  const predicted = new Uint8Array(n);
  const loss = new Float64Array(n);
  const squared = new Float64Array(n);
  const lastOfTie = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const y = labels[i];
    const s = scores[i];
    label[i] = y;
    predicted[i] = s >= threshold ? 1 : 0;
    const p = Math.min(1 - LOG_LOSS_EPS, Math.max(LOG_LOSS_EPS, s));
    loss[i] = y === 1 ? -Math.log(p) : -Math.log(1 - p);
    squared[i] = (s - y) * (s - y);
  }
  for (let k = 0; k < n; k++) lastOfTie[k] = k === n - 1 || scores[order[k + 1]] !== scores[order[k]] ? 1 : 0;
  return {
    names: PAIRED_METRICS,
    compute(weights: Uint32Array): Float64Array {
      let tp = 0;
      let fp = 0;
      let fn = 0;
      let tn = 0;
      let lossSum = 0;
      let squaredSum = 0;
      for (let i = 0; i < n; i++) {
        const w = weights[i];
        if (w === 0) continue;
        if (label[i] === 1) {
          if (predicted[i] === 1) tp += w;
          else fn += w;
        } else if (predicted[i] === 1) fp += w;
        else tn += w;
        lossSum += w * loss[i];
        squaredSum += w * squared[i];
      }
      // ROC AUC as the Mann–Whitney statistic, ties counted ½, walking scores in descending order.
      let posAbove = 0;
      let groupPos = 0;
      let groupNeg = 0;
      let pairs = 0;
      for (let k = 0; k < n; k++) {
        const i = order[k];
        const w = weights[i];
        if (label[i] === 1) groupPos += w;
        else groupNeg += w;
        if (lastOfTie[k] === 1) {
          pairs += groupNeg * (posAbove + groupPos / 2);
          posAbove += groupPos;
          groupPos = 0;
          groupNeg = 0;
        }
      }
      const total = tp + fp + fn + tn;
      const positives = tp + fn;
      const negatives = fp + tn;
      const precision = tp / (tp + fp);
      const recall = tp / positives;
      const specificity = tn / negatives;
      const mccDenominator = Math.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn));
      const out = new Float64Array(PAIRED_METRICS.length);
      out[0] = (tp + tn) / total;
      out[1] = precision;
      out[2] = recall;
      out[3] = tp + fp + fn === 0 ? Number.NaN : (2 * tp) / (2 * tp + fp + fn);
      out[4] = (recall + specificity) / 2;
      // sklearn returns 0 for MCC when a margin is empty.
      out[5] = mccDenominator === 0 ? 0 : (tp * tn - fp * fn) / mccDenominator;
      out[6] = positives > 0 && negatives > 0 ? pairs / (positives * negatives) : Number.NaN;
      out[7] = lossSum / total;
      out[8] = squaredSum / total;
      return out;
    },
  };
}
