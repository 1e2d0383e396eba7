/**
 * Multiclass metrics, scikit-learn definitions: accuracy, macro F1 (unweighted mean of per-class F1
 * over the classes present in labels or predictions, zero_division = 0), micro F1 (= accuracy for
 * single-label data) and log loss (rows renormalised to sum 1 after clipping to [1e-15, 1 − 1e-15]).
 * Probabilities are row-major: probabilities[i·k + c] = P(class c | row i).
 */
import {
  type BootstrapOptions,
  DEFAULT_LEVEL,
  strataByLabel,
  stratifiedBootstrap,
} from "../stats/bootstrap.js";
import { type Estimate, estimates } from "./estimate.js";
import { LOG_LOSS_EPS } from "./probability.js";

const MULTICLASS_METRICS = ["accuracy", "macroF1", "microF1", "logLoss"] as const;
type MulticlassMetricName = (typeof MULTICLASS_METRICS)[number];

/** The predicted class of each row: the arg-max probability (the first on a tie, as numpy). */
function argmaxClasses(probabilities: ArrayLike<number>, classes: number): Uint32Array {
  const n = probabilities.length / classes;
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < classes; c++)
      if (probabilities[i * classes + c] > probabilities[i * classes + best]) best = c;
    out[i] = best;
  }
  return out;
}

/** Per-row log loss terms, clipped and renormalised as sklearn 1.2 does. */
function multiclassLogLossTerms(
  labels: ArrayLike<number>,
  probabilities: ArrayLike<number>,
  classes: number,
): Float64Array {
  const out = new Float64Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    let sum = 0;
    for (let c = 0; c < classes; c++) sum += clip(probabilities[i * classes + c]);
    out[i] = -Math.log(clip(probabilities[i * classes + labels[i]]) / sum);
  }
  return out;
}

function clip(p: number): number {
  return Math.min(Math.max(p, LOG_LOSS_EPS), 1 - LOG_LOSS_EPS);
}

/** All multiclass metrics (MULTICLASS_METRICS order) with each row weighted by `weights`. */
function multiclassMetrics(
  labels: ArrayLike<number>,
  predicted: ArrayLike<number>,
  classes: number,
  lossTerms: ArrayLike<number> | null,
  weights?: ArrayLike<number>,
): Float64Array {
  const tp = new Float64Array(classes);
  const truth = new Float64Array(classes);
  const guess = new Float64Array(classes);
  let total = 0;
  let correct = 0;
  let loss = 0;
  for (let i = 0; i < labels.length; i++) {
    const w = weights ? weights[i] : 1;
    if (w === 0) continue;
    total += w;
    truth[labels[i]] += w;
    guess[predicted[i]] += w;
    if (labels[i] === predicted[i]) {
      tp[labels[i]] += w;
      correct += w;
    }
    if (lossTerms) loss += w * lossTerms[i];
  }
  let f1Sum = 0;
  let present = 0;
  for (let c = 0; c < classes; c++) {
    if (truth[c] + guess[c] === 0) continue;
    present++;
    f1Sum += (2 * tp[c]) / (truth[c] + guess[c]);
  }
  const acc = correct / total;
  return Float64Array.of(acc, f1Sum / present, acc, lossTerms ? loss / total : Number.NaN);
}

/** Multiclass metrics with a class-stratified percentile bootstrap. */
export function evaluateMulticlass(
  labels: ArrayLike<number>,
  probabilities: ArrayLike<number>,
  classes: number,
  options: BootstrapOptions = {},
): { n: number; metrics: Record<MulticlassMetricName, Estimate> } {
  const predicted = argmaxClasses(probabilities, classes);
  const terms = multiclassLogLossTerms(labels, probabilities, classes);
  const n = labels.length;
  const samples = stratifiedBootstrap(
    strataByLabel(labels, classes),
    n,
    (w) => multiclassMetrics(labels, predicted, classes, terms, w),
    options,
  );
  const values = multiclassMetrics(labels, predicted, classes, terms);
  const list = estimates(values, samples, n, options.level ?? DEFAULT_LEVEL);
  return {
    n,
    metrics: Object.fromEntries(MULTICLASS_METRICS.map((m, k) => [m, list[k]])) as Record<
      MulticlassMetricName,
      Estimate
    >,
  };
}
