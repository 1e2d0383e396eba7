/**
 * Binary classification: input checks, every metric at once, and a fused weighted pass that the
 * bootstrap runs per resample. The rows are sorted by score once; a resample is a count per sorted
 * row, so one linear pass yields the confusion counts, ROC AUC, average precision, log loss, Brier
 * and the calibration bins together.
 */

import { aucStudentizedInterval } from "../stats/auc-interval.js";
import {
  allRows,
  type BootstrapOptions,
  DEFAULT_LEVEL,
  DEFAULT_RESAMPLES,
  DEFAULT_SEED,
  stratifiedBootstrap,
} from "../stats/bootstrap.js";
import { newcombeDifference } from "../stats/newcombe.js";
import { InputError } from "../table/errors.js";
import { accuracy, balancedAccuracy, type Confusion, f1, mcc, precision, recall } from "./confusion.js";
import { type Estimate, estimates, MIN_CLASS_ROWS, proportionEstimate } from "./estimate.js";
import { CALIBRATION_BINS, calibrationBin, logLossTerm } from "./probability.js";
import { descendingOrder } from "./ranking.js";

export const BINARY_METRICS = [
  "accuracy",
  "precision",
  "recall",
  "f1",
  "rocAuc",
  "prAuc",
  "logLoss",
  "brier",
  "balancedAccuracy",
  "mcc",
  "ece",
] as const;
type BinaryMetricName = (typeof BINARY_METRICS)[number];
/** Where `BinaryMetricEngine.metrics` puts DeLong's variance of the ROC AUC, after the metrics. */
export const AUC_VARIANCE = BINARY_METRICS.length;

/**
 * DeLong's variance S10/P + S01/N from the placement sums of one pass (docs: src/stats/auc-interval.ts):
 * u10 = negatives above a positive (ties ½), u01 = positives above a negative; V10 = 1 − u10/N,
 * V01 = u01/P, so Σ(V10 − A)² = q10/N² − P(1 − A)² and Σ(V01 − A)² = q01/P² − N·A².
 */
function delongVariance(auc: number, p: number, n: number, q10: number, q01: number): number {
  if (!(p > 1 && n > 1)) return Number.NaN;
  const ss10 = Math.max(0, q10 / (n * n) - p * (1 - auc) * (1 - auc));
  const ss01 = Math.max(0, q01 / (p * p) - n * auc * auc);
  return ss10 / (p - 1) / p + ss01 / (n - 1) / n;
}
type BinaryMetricValues = Record<BinaryMetricName, number>;

/**
 * Rejects what would give wrong numbers silently: length mismatch, NaN or out-of-range scores, and a
 * label vector with a single class. `what` names the score source in messages.
 */
export function checkBinaryInputs(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  what = "scores",
): void {
  if (scores.length !== labels.length)
    throw new InputError(`${what}: ${scores.length} scores for ${labels.length} labels`);
  if (scores.length === 0) throw new InputError("no rows to evaluate");
  let positives = 0;
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i];
    if (Number.isNaN(s)) throw new InputError(`${what}: row ${i} has a NaN or missing score`);
    if (!(s >= 0 && s <= 1))
      throw new InputError(
        `${what}: row ${i} has score ${s}, outside [0, 1]; binary metrics need probabilities of the positive class`,
      );
    if (labels[i] !== 0 && labels[i] !== 1)
      throw new InputError(`labels must be 0 or 1, row ${i} has ${labels[i]}`);
    positives += labels[i];
  }
  if (positives === 0 || positives === scores.length)
    throw new InputError(
      `the label has a single class (${positives === 0 ? "no positives" : "no negatives"} among ${scores.length} rows); ` +
        "binary metrics need both classes — check --label and --positive",
    );
}

/** Rows sorted by score once, with everything a weighted metric pass needs. */
export class BinaryMetricEngine {
  readonly n: number;
  readonly threshold: number;
  /** Row index of each sorted position. */
  readonly order: Uint32Array;
  private readonly score: Float64Array;
  private readonly label: Uint8Array;
  private readonly lastOfTie: Uint8Array;
  private readonly loss: Float64Array;
  private readonly squared: Float64Array;
  private readonly bin: Uint8Array;
  /** Sorted positions [0, cut) are predicted positive (score ≥ threshold). */
  private readonly cut: number;
  private readonly unit: Uint8Array;
  private scratch: Uint8Array | null = null;
  private readonly binCount = new Float64Array(CALIBRATION_BINS);
  private readonly binScore = new Float64Array(CALIBRATION_BINS);
  private readonly binLabel = new Float64Array(CALIBRATION_BINS);

  constructor(scores: ArrayLike<number>, labels: ArrayLike<number>, threshold: number) {
    const n = scores.length;
    this.n = n;
    this.threshold = threshold;
    this.order = descendingOrder(scores);
    this.score = new Float64Array(n);
    this.label = new Uint8Array(n);
    this.lastOfTie = new Uint8Array(n);
    this.loss = new Float64Array(n);
    this.squared = new Float64Array(n);
    this.bin = new Uint8Array(n);
    let cut = 0;
    for (let i = 0; i < n; i++) {
      const row = this.order[i];
      const s = scores[row];
      const y = labels[row];
      this.score[i] = s;
      this.label[i] = y;
      this.loss[i] = logLossTerm(s, y);
      this.squared[i] = (s - y) * (s - y);
      this.bin[i] = calibrationBin(s);
      if (s >= threshold) cut = i + 1;
    }
    for (let i = 0; i < n; i++)
      this.lastOfTie[i] = i === n - 1 || this.score[i + 1] !== this.score[i] ? 1 : 0;
    this.cut = cut;
    this.unit = new Uint8Array(n).fill(1);
  }

  /** Confusion counts with each sorted row weighted by `weights` (all ones when omitted). */
  confusion(weights: ArrayLike<number> = this.unit): Confusion {
    let tp = 0;
    let fp = 0;
    let positives = 0;
    let total = 0;
    for (let i = 0; i < this.n; i++) {
      const w = weights[i];
      total += w;
      positives += w * this.label[i];
      if (i < this.cut) {
        if (this.label[i] === 1) tp += w;
        else fp += w;
      }
    }
    return { tp, fp, fn: positives - tp, tn: total - positives - fp };
  }

  /** All metrics with weights given per original row (for paired resamples shared by several models). */
  metricsByRow(rowWeights: ArrayLike<number>): Float64Array {
    this.scratch ??= new Uint8Array(this.n);
    for (let i = 0; i < this.n; i++) this.scratch[i] = rowWeights[this.order[i]];
    return this.metrics(this.scratch);
  }

  /**
   * All metrics, in BINARY_METRICS order, with each sorted row weighted by `weights`; one more value
   * after them (at AUC_VARIANCE) is DeLong's variance of the ROC AUC on the weighted rows.
   */
  metrics(weights: ArrayLike<number> = this.unit): Float64Array {
    const { label, score, loss, squared, bin, lastOfTie, cut, binCount, binScore, binLabel } = this;
    binCount.fill(0);
    binScore.fill(0);
    binLabel.fill(0);
    let tp = 0;
    let fp = 0;
    let groupPos = 0;
    let groupNeg = 0;
    let posAbove = 0;
    let negAbove = 0;
    let pairs = 0;
    let precisionSum = 0;
    let lossSum = 0;
    let squaredSum = 0;
    // DeLong placement sums (unnormalised): negatives ranked above a positive, positives above a negative.
    let q10 = 0;
    let q01 = 0;
    for (let i = 0; i < this.n; i++) {
      const w = weights[i];
      if (w !== 0) {
        const y = label[i];
        if (y === 1) {
          groupPos += w;
          if (i < cut) tp += w;
        } else {
          groupNeg += w;
          if (i < cut) fp += w;
        }
        lossSum += w * loss[i];
        squaredSum += w * squared[i];
        const b = bin[i];
        binCount[b] += w;
        binScore[b] += w * score[i];
        binLabel[b] += w * y;
      }
      if (lastOfTie[i] === 1 && groupPos + groupNeg > 0) {
        const u01 = posAbove + groupPos / 2;
        const u10 = negAbove + groupNeg / 2;
        pairs += groupNeg * u01;
        q01 += groupNeg * u01 * u01;
        q10 += groupPos * u10 * u10;
        posAbove += groupPos;
        negAbove += groupNeg;
        if (groupPos > 0) precisionSum += groupPos * (posAbove / (posAbove + negAbove));
        groupPos = 0;
        groupNeg = 0;
      }
    }
    const positives = posAbove;
    const total = posAbove + negAbove;
    const c: Confusion = { tp, fp, fn: positives - tp, tn: total - positives - fp };
    let ece = 0;
    for (let k = 0; k < CALIBRATION_BINS; k++) {
      const m = binCount[k];
      if (m > 0) ece += m * Math.abs(binLabel[k] / m - binScore[k] / m);
    }
    const out = new Float64Array(BINARY_METRICS.length + 1);
    out[0] = accuracy(c);
    out[1] = precision(c);
    out[2] = recall(c);
    out[3] = f1(c);
    out[4] = pairs / (positives * negAbove);
    out[5] = positives > 0 && negAbove > 0 ? precisionSum / positives : Number.NaN;
    out[6] = lossSum / total;
    out[7] = squaredSum / total;
    out[8] = balancedAccuracy(c);
    out[9] = mcc(c);
    out[10] = ece / total;
    out[AUC_VARIANCE] = delongVariance(out[4], positives, negAbove, q10, q01);
    return out;
  }
}

/** Every binary metric at a threshold, without intervals. */
export function binaryMetrics(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  threshold = 0.5,
): BinaryMetricValues & { confusion: Confusion } {
  const engine = new BinaryMetricEngine(scores, labels, threshold);
  return { ...toRecord(engine.metrics()), confusion: engine.confusion() };
}

export interface BinaryEvaluation {
  n: number;
  positives: number;
  threshold: number;
  metrics: Record<BinaryMetricName, Estimate>;
  confusion: Confusion;
  /**
   * The bootstrap behind the intervals that are not Wilson's: plain rows (`stratifiedBy: null`), so
   * prevalence varies between resamples as it does between samples. Each metric's `method` says
   * which interval it has.
   */
  bootstrap: { resamples: number; seed: number; level: number; stratifiedBy: null };
}

/** Metrics that are a count over a denominator: Wilson intervals, no resampling. */
const PROPORTIONS = { accuracy: "rows", precision: "predicted positives", recall: "positives" } as const;
/** Metrics that compare the classes: insufficient with fewer than MIN_CLASS_ROWS rows of either. */
const TWO_CLASS: readonly BinaryMetricName[] = ["f1", "rocAuc", "prAuc", "balancedAccuracy", "mcc"];

/**
 * Every binary metric with an interval: Wilson for accuracy (on n), precision (on the predicted
 * positives) and recall (on the positives), which are binomial proportions given their denominator;
 * a studentised bootstrap on the logit scale with DeLong's variance for ROC AUC and Newcombe's interval
 * of TPR − FPR for balanced accuracy (both valid up to the boundary, where a percentile interval
 * collapses); a percentile bootstrap over plain rows for the rest.
 */
export function evaluateBinary(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  threshold = 0.5,
  options: BootstrapOptions = {},
): BinaryEvaluation {
  checkBinaryInputs(scores, labels);
  const engine = new BinaryMetricEngine(scores, labels, threshold);
  const values = engine.metrics();
  const level = options.level ?? DEFAULT_LEVEL;
  const samples = stratifiedBootstrap(
    allRows(engine.n),
    engine.n,
    (counts) => engine.metrics(counts),
    options,
  );
  const list = estimates(values, samples, engine.n, level);
  const confusion = engine.confusion();
  const { tp, fp, tn, fn } = confusion;
  const metrics = Object.fromEntries(BINARY_METRICS.map((name, k) => [name, list[k]])) as Record<
    BinaryMetricName,
    Estimate
  >;
  metrics.accuracy = proportionEstimate(tp + tn, engine.n, level, PROPORTIONS.accuracy);
  metrics.precision = proportionEstimate(tp, tp + fp, level, PROPORTIONS.precision, 0);
  metrics.recall = proportionEstimate(tp, tp + fn, level, PROPORTIONS.recall);
  if (metrics.rocAuc.value !== null) {
    const k = BINARY_METRICS.indexOf("rocAuc");
    const ci =
      samples.length > 0
        ? aucStudentizedInterval(
            values[k],
            values[AUC_VARIANCE],
            samples[k],
            samples[AUC_VARIANCE],
            Math.min(tp + fn, tn + fp),
            level,
          )
        : null;
    metrics.rocAuc = { ...metrics.rocAuc, ci, method: "bootstrap-t, logit, rows" };
  }
  // Balanced accuracy = (1 + TPR − FPR)/2, and TPR and FPR are independent proportions given the
  // labels: Newcombe's interval of TPR − FPR, mapped, stays valid near 1 (a percentile one covered 88%
  // at balanced accuracy 0.98, n = 500).
  const youden = newcombeDifference(tp, tp + fn, fp, fp + tn, level);
  if (metrics.balancedAccuracy.value !== null && youden)
    metrics.balancedAccuracy = {
      ...metrics.balancedAccuracy,
      ci: [(1 + youden[0]) / 2, (1 + youden[1]) / 2],
      method: "newcombe",
    };
  const fewest = Math.min(tp + fn, tn + fp);
  if (fewest < MIN_CLASS_ROWS)
    for (const name of TWO_CLASS)
      if (metrics[name].value !== null) {
        metrics[name].status = "insufficient";
        metrics[name].reason = `${fewest} rows in the smaller class < ${MIN_CLASS_ROWS}`;
      }
  return {
    n: engine.n,
    positives: tp + fn,
    threshold,
    metrics,
    confusion,
    bootstrap: {
      resamples: options.resamples ?? DEFAULT_RESAMPLES,
      seed: options.seed ?? DEFAULT_SEED,
      level,
      stratifiedBy: null,
    },
  };
}

function toRecord(values: Float64Array): BinaryMetricValues {
  return Object.fromEntries(BINARY_METRICS.map((name, k) => [name, values[k]])) as BinaryMetricValues;
}
