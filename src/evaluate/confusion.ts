/** Confusion counts and the metrics read off them (scikit-learn definitions, zero_division = 0). */
export interface Confusion {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

/** Counts at a decision threshold: predicted positive iff score ≥ threshold. */
export function confusionAt(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  threshold: number,
): Confusion {
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (let i = 0; i < scores.length; i++) {
    const predicted = scores[i] >= threshold;
    if (labels[i] === 1) {
      if (predicted) tp++;
      else fn++;
    } else if (predicted) fp++;
    else tn++;
  }
  return { tp, fp, tn, fn };
}

export function accuracy(c: Confusion): number {
  return (c.tp + c.tn) / (c.tp + c.tn + c.fp + c.fn);
}

/** TP / (TP + FP); 0 when nothing is predicted positive (sklearn's zero_division = 0). */
export function precision(c: Confusion): number {
  const d = c.tp + c.fp;
  return d === 0 ? 0 : c.tp / d;
}

/** TP / (TP + FN), the true positive rate; 0 when there are no positives. */
export function recall(c: Confusion): number {
  const d = c.tp + c.fn;
  return d === 0 ? 0 : c.tp / d;
}

/** 2TP / (2TP + FP + FN); 0 when the denominator is 0. Equal to the harmonic mean of precision and recall. */
export function f1(c: Confusion): number {
  const d = 2 * c.tp + c.fp + c.fn;
  return d === 0 ? 0 : (2 * c.tp) / d;
}

/** (TPR + TNR) / 2, with sklearn's convention of averaging per-class recall. */
export function balancedAccuracy(c: Confusion): number {
  const tpr = c.tp / (c.tp + c.fn);
  const tnr = c.tn / (c.tn + c.fp);
  return (tpr + tnr) / 2;
}

/**
 * Matthews correlation coefficient. sklearn returns 0 when a margin is empty (denominator 0); so do we.
 * The covariance form is used (as sklearn) so that large counts do not overflow integer-exact products.
 */
export function mcc(c: Confusion): number {
  const n = c.tp + c.fp + c.tn + c.fn;
  const truePos = c.tp + c.fn;
  const predPos = c.tp + c.fp;
  const correct = c.tp + c.tn;
  // sklearn: cov(y, ŷ) = correct·n − Σ_k t_k·p_k, cov(y, y) = n² − Σ_k t_k², cov(ŷ, ŷ) = n² − Σ_k p_k².
  const trueNeg = n - truePos;
  const predNeg = n - predPos;
  const covYtYp = correct * n - (truePos * predPos + trueNeg * predNeg);
  const covYtYt = n * n - (truePos * truePos + trueNeg * trueNeg);
  const covYpYp = n * n - (predPos * predPos + predNeg * predNeg);
  if (covYtYt * covYpYp === 0) return 0;
  return covYtYp / Math.sqrt(covYtYt * covYpYp);
}
