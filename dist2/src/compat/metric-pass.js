/**
 * One model's metrics as a weighted pass over rows (weights[i] = how often row i was drawn in a
 * bootstrap resample, all ones for the point estimate). The metrics are evaluate's: the same
 * definitions `assay evaluate` reports, so a delta here is a difference of the numbers users see there.
 */
import { BINARY_METRICS, BinaryMetricEngine } from "../evaluate/binary.js";
export const PAIRED_METRICS = BINARY_METRICS;
/** Whether a larger value is better: a delta's sign is read through this. */
export const HIGHER_IS_BETTER = {
    accuracy: true,
    precision: true,
    recall: true,
    f1: true,
    rocAuc: true,
    prAuc: true,
    logLoss: false,
    brier: false,
    balancedAccuracy: true,
    mcc: true,
    ece: false,
};
/** The metric pass of a binary classifier's scores (P(positive)) at a threshold. */
export function binaryMetricPass(scores, labels, threshold = 0.5) {
    const engine = new BinaryMetricEngine(scores, labels, threshold);
    return { names: PAIRED_METRICS, compute: (weights) => engine.metricsByRow(weights) };
}
