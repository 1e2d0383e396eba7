/**
 * Ranking metrics from scores, matching scikit-learn: ROC AUC (roc_auc_score, ties count one half)
 * and average precision (average_precision_score: Σ (Rₙ − Rₙ₋₁)·Pₙ over distinct thresholds, no
 * interpolation). Both are NaN when only one class is present.
 */

/** Row indices ordered by score, highest first (ties keep row order; the metrics group ties anyway). */
export function descendingOrder(scores: ArrayLike<number>): Uint32Array {
  const order = new Uint32Array(scores.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  const keys = Float64Array.from(scores);
  order.sort((a, b) => keys[b] - keys[a] || a - b);
  return order;
}

/** ROC AUC = P(s⁺ > s⁻) + ½·P(s⁺ = s⁻), the area under sklearn's trapezoidal ROC curve. */
export function rocAuc(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  order = descendingOrder(scores),
): number {
  let positivesAbove = 0;
  let pairs = 0;
  let positives = 0;
  let negatives = 0;
  for (let start = 0; start < order.length; ) {
    const s = scores[order[start]];
    let groupPos = 0;
    let groupNeg = 0;
    let end = start;
    while (end < order.length && scores[order[end]] === s) {
      if (labels[order[end]] === 1) groupPos++;
      else groupNeg++;
      end++;
    }
    pairs += groupNeg * (positivesAbove + groupPos / 2);
    positivesAbove += groupPos;
    positives += groupPos;
    negatives += groupNeg;
    start = end;
  }
  return pairs / (positives * negatives);
}

/** Average precision as sklearn computes it: Σ over distinct thresholds of (ΔRecall)·Precision. */
export function averagePrecision(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  order = descendingOrder(scores),
): number {
  let positives = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i] === 1) positives++;
  if (positives === 0 || positives === labels.length) return Number.NaN;
  let tp = 0;
  let fp = 0;
  let sum = 0;
  for (let start = 0; start < order.length; ) {
    const s = scores[order[start]];
    let groupPos = 0;
    let end = start;
    while (end < order.length && scores[order[end]] === s) {
      if (labels[order[end]] === 1) groupPos++;
      else fp++;
      end++;
    }
    tp += groupPos;
    if (groupPos > 0) sum += (groupPos / positives) * (tp / (tp + fp));
    start = end;
  }
  return sum;
}

export interface CurvePoint {
  threshold: number;
  tp: number;
  fp: number;
}

/** Cumulative (TP, FP) at each distinct score, highest first: the points of the ROC and PR curves. */
export function rankCurve(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  order = descendingOrder(scores),
) {
  const points: CurvePoint[] = [];
  let tp = 0;
  let fp = 0;
  for (let start = 0; start < order.length; ) {
    const s = scores[order[start]];
    let end = start;
    while (end < order.length && scores[order[end]] === s) {
      if (labels[order[end]] === 1) tp++;
      else fp++;
      end++;
    }
    points.push({ threshold: s, tp, fp });
    start = end;
  }
  return { points, positives: tp, negatives: fp };
}
