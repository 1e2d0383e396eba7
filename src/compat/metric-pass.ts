/**
 * One model's metrics as a weighted pass over rows (weights[i] = how often row i was drawn in a
 * bootstrap resample, all ones for the point estimate). The metrics are evaluate's: the same
 * definitions `assay evaluate` reports, so a delta here is a difference of the numbers users see there.
 */
import { BINARY_METRICS, BinaryMetricEngine } from "../evaluate/binary.js";

const PAIRED_METRICS = BINARY_METRICS;

export interface MetricPass {
  readonly names: readonly string[];
  /** The metric values with row i weighted by weights[i]; NaN where a metric is undefined. */
  compute(weights: ArrayLike<number>): Float64Array;
}

/** The metric pass of a binary classifier's scores (P(positive)) at a threshold. */
export function binaryMetricPass(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  threshold = 0.5,
): MetricPass {
  const engine = new BinaryMetricEngine(scores, labels, threshold);
  return { names: PAIRED_METRICS, compute: (weights) => engine.metricsByRow(weights) };
}
