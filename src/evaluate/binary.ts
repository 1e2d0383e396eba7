/**
 * Binary classification: input checks, every metric at once, and a fused weighted pass that the
 * bootstrap runs per resample. The rows are sorted by score once; a resample is a count per sorted
 * row, so one linear pass yields the confusion counts, ROC AUC, average precision, log loss, Brier
 * and the calibration bins together.
 */

import {
  type BootstrapOptions,
  DEFAULT_LEVEL,
  DEFAULT_RESAMPLES,
  DEFAULT_SEED,
  stratifiedBootstrap,
} from "../stats/bootstrap.js";
import { InputError } from "../table/errors.js";
import { accuracy, balancedAccuracy, type Confusion, f1, mcc, precision, recall } from "./confusion.js";
import { type Estimate, estimates } from "./estimate.js";
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

  /** Sorted positions of the positives and of the negatives: the strata of a label-stratified bootstrap. */
  strata(): Uint32Array[] {
    let positives = 0;
    for (let i = 0; i < this.n; i++) positives += this.label[i];
    const pos = new Uint32Array(positives);
    const neg = new Uint32Array(this.n - positives);
    let p = 0;
    let q = 0;
    for (let i = 0; i < this.n; i++) {
      if (this.label[i] === 1) pos[p++] = i;
      else neg[q++] = i;
    }
    return [pos, neg].filter((s) => s.length > 0);
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

  /** All metrics, in BINARY_METRICS order, with each sorted row weighted by `weights`. */
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
        pairs += groupNeg * (posAbove + groupPos / 2);
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
    const out = new Float64Array(BINARY_METRICS.length);
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
  bootstrap: { resamples: number; seed: number; level: number; stratifiedBy: "label" };
}

/** Every binary metric with a label-stratified percentile bootstrap interval. */
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
  const samples = stratifiedBootstrap(engine.strata(), engine.n, (counts) => engine.metrics(counts), options);
  const list = estimates(values, samples, engine.n, level);
  const confusion = engine.confusion();
  return {
    n: engine.n,
    positives: confusion.tp + confusion.fn,
    threshold,
    metrics: Object.fromEntries(BINARY_METRICS.map((name, k) => [name, list[k]])) as Record<
      BinaryMetricName,
      Estimate
    >,
    confusion,
    bootstrap: {
      resamples: options.resamples ?? DEFAULT_RESAMPLES,
      seed: options.seed ?? DEFAULT_SEED,
      level,
      stratifiedBy: "label",
    },
  };
}

function toRecord(values: Float64Array): BinaryMetricValues {
  return Object.fromEntries(BINARY_METRICS.map((name, k) => [name, values[k]])) as BinaryMetricValues;
}
