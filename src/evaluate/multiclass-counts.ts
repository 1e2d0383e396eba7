/**
 * One weighted pass over a multiclass classifier's rows: the confusion counts, top-k hits, log loss and
 * the one-vs-rest calibration bins, and the metrics read from them. The same pass serves the point
 * estimates (weights = 1) and every bootstrap resample (weights = draw counts).
 *
 * Conventions (scikit-learn 1.2): averages run over the classes present in the labels or the
 * predictions (`average=` with labels=None); a class never predicted has precision 0 in the averages
 * (zero_division=0); balanced accuracy is the mean recall over the classes present in the labels;
 * micro precision = micro recall = micro F1 = accuracy (one label per row).
 */
import { CALIBRATION_BINS, calibrationBin, LOG_LOSS_EPS } from "./probability.js";

/** What the pass needs, prepared once: predicted classes, the rank of the true class, log loss terms. */
export interface MulticlassRows {
  labels: Uint32Array;
  classes: number;
  /** Arg-max class of each row (the first on a tie, as numpy). */
  predicted: Uint32Array;
  /** 0-based rank of the true class among the row's probabilities (sklearn's tie order). */
  trueRank: Uint32Array;
  /** −ln p(true class), clipped and renormalised as sklearn's log_loss. */
  lossTerms: Float64Array;
  /** Calibration bin of P(class c | row i), row-major like the probabilities. */
  bins: Uint8Array;
  probabilities: ArrayLike<number>;
}

export function prepareRows(
  labels: ArrayLike<number>,
  probabilities: ArrayLike<number>,
  classes: number,
): MulticlassRows {
  const n = labels.length;
  const predicted = new Uint32Array(n);
  const trueRank = new Uint32Array(n);
  const lossTerms = new Float64Array(n);
  const bins = new Uint8Array(n * classes);
  for (let i = 0; i < n; i++) {
    const row = i * classes;
    const y = labels[i];
    const pTrue = probabilities[row + y];
    let best = 0;
    let rank = 0;
    let sum = 0;
    for (let c = 0; c < classes; c++) {
      const p = probabilities[row + c];
      if (p > probabilities[row + best]) best = c;
      // top_k_accuracy_score sorts with a stable argsort and reverses it: on a tie the higher index wins
      if (p > pTrue || (p === pTrue && c > y)) rank++;
      sum += clip(p);
      bins[row + c] = calibrationBin(p);
    }
    predicted[i] = best;
    trueRank[i] = rank;
    lossTerms[i] = -Math.log(clip(pTrue) / sum);
  }
  return { labels: Uint32Array.from(labels), classes, predicted, trueRank, lossTerms, bins, probabilities };
}

function clip(p: number): number {
  return Math.min(Math.max(p, LOG_LOSS_EPS), 1 - LOG_LOSS_EPS);
}

/** The order of the values `multiclassStatistics` returns. */
export const SUMMARY_METRICS = [
  "accuracy",
  "balancedAccuracy",
  "macroPrecision",
  "macroRecall",
  "macroF1",
  "weightedPrecision",
  "weightedRecall",
  "weightedF1",
  "logLoss",
  "classwiseEce",
] as const;
export type SummaryMetric = (typeof SUMMARY_METRICS)[number];

/** Weighted counts of one pass. */
interface MulticlassCounts {
  total: number;
  /** confusion[t·k + p]: rows of true class t predicted as p. */
  confusion: Float64Array;
  /** hits[r]: rows whose true class has rank r (top-k hits are the sum over r < k). */
  rankCounts: Float64Array;
  loss: number;
  /** Per class and bin: rows, sum of P(c), rows of class c. */
  binRows: Float64Array;
  binScore: Float64Array;
  binLabel: Float64Array;
}

export function countRows(rows: MulticlassRows, weights?: ArrayLike<number>): MulticlassCounts {
  const k = rows.classes;
  const B = CALIBRATION_BINS;
  const out: MulticlassCounts = {
    total: 0,
    confusion: new Float64Array(k * k),
    rankCounts: new Float64Array(k),
    loss: 0,
    binRows: new Float64Array(k * B),
    binScore: new Float64Array(k * B),
    binLabel: new Float64Array(k * B),
  };
  const { labels, predicted, trueRank, lossTerms, bins, probabilities } = rows;
  for (let i = 0; i < labels.length; i++) {
    const w = weights ? weights[i] : 1;
    if (w === 0) continue;
    const y = labels[i];
    out.total += w;
    out.confusion[y * k + predicted[i]] += w;
    out.rankCounts[trueRank[i]] += w;
    out.loss += w * lossTerms[i];
    for (let c = 0, at = i * k; c < k; c++, at++) {
      const cell = c * B + bins[at];
      out.binRows[cell] += w;
      out.binScore[cell] += w * probabilities[at];
      if (c === y) out.binLabel[cell] += w;
    }
  }
  return out;
}

/**
 * The counts of predicted classes alone (no probabilities: the monitor sees the class a model served).
 * Top-k, log loss and the calibration bins stay zero, so of multiclassStatistics only accuracy,
 * balanced accuracy, the macro and weighted averages and the per-class F1 mean anything.
 */
export function predictionCounts(
  labels: ArrayLike<number>,
  predicted: ArrayLike<number>,
  k: number,
): MulticlassCounts {
  const B = CALIBRATION_BINS;
  const out: MulticlassCounts = {
    total: labels.length,
    confusion: new Float64Array(k * k),
    rankCounts: new Float64Array(k),
    loss: Number.NaN,
    binRows: new Float64Array(k * B),
    binScore: new Float64Array(k * B),
    binLabel: new Float64Array(k * B),
  };
  for (let i = 0; i < labels.length; i++) out.confusion[labels[i] * k + predicted[i]]++;
  return out;
}

/** Per class: rows of the class (support), rows predicted as it, and the hits (diagonal). */
export function classTotals(counts: MulticlassCounts, k: number) {
  const support = new Float64Array(k);
  const predicted = new Float64Array(k);
  const hits = new Float64Array(k);
  for (let t = 0; t < k; t++)
    for (let p = 0; p < k; p++) {
      const x = counts.confusion[t * k + p];
      support[t] += x;
      predicted[p] += x;
      if (t === p) hits[t] = x;
    }
  return { support, predicted, hits };
}

/** The one-vs-rest ECE of each class: Σ over its non-empty bins of (rows / n)·|mean label − mean P|. */
export function classwiseEce(counts: MulticlassCounts, k: number): Float64Array {
  const B = CALIBRATION_BINS;
  const out = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    let sum = 0;
    for (let b = 0; b < B; b++) {
      const m = counts.binRows[c * B + b];
      if (m > 0) sum += Math.abs(counts.binLabel[c * B + b] - counts.binScore[c * B + b]);
    }
    out[c] = sum / counts.total;
  }
  return out;
}

/** SUMMARY_METRICS, then the F1 of each class (NaN for a class neither present nor predicted). */
export function multiclassStatistics(counts: MulticlassCounts, k: number): Float64Array {
  const { support, predicted, hits } = classTotals(counts, k);
  let present = 0;
  let labelled = 0;
  let correct = 0;
  let macroP = 0;
  let macroR = 0;
  let macroF = 0;
  let weightedP = 0;
  let weightedR = 0;
  let weightedF = 0;
  let recallSum = 0;
  const f1 = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    correct += hits[c];
    if (support[c] + predicted[c] === 0) {
      f1[c] = Number.NaN;
      continue;
    }
    present++;
    const precision = predicted[c] > 0 ? hits[c] / predicted[c] : 0;
    const recall = support[c] > 0 ? hits[c] / support[c] : 0;
    f1[c] = (2 * hits[c]) / (support[c] + predicted[c]);
    macroP += precision;
    macroR += recall;
    macroF += f1[c];
    weightedP += support[c] * precision;
    weightedR += support[c] * recall;
    weightedF += support[c] * f1[c];
    if (support[c] > 0) {
      labelled++;
      recallSum += recall;
    }
  }
  const n = counts.total;
  const ece = classwiseEce(counts, k);
  let eceSum = 0;
  for (let c = 0; c < k; c++) eceSum += ece[c];
  const out = new Float64Array(SUMMARY_METRICS.length + k);
  out.set([
    correct / n,
    recallSum / labelled,
    macroP / present,
    macroR / present,
    macroF / present,
    weightedP / n,
    weightedR / n,
    weightedF / n,
    counts.loss / n,
    eceSum / k,
  ]);
  out.set(f1, SUMMARY_METRICS.length);
  return out;
}
