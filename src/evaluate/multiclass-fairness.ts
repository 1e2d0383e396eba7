/**
 * Fairness of a multiclass classifier, one class at a time: for class c, the rows whose label is c are
 * the positives and the rows predicted as c the predicted positives (one-vs-rest), and the binary
 * fairness measures (selection-rate, TPR and FPR gaps with their intervals, fairness.ts) are read from
 * that. It is what Fairlearn's MetricFrame gives for a multiclass model when each class is binarised.
 */
import { type AttributeFairness, type FairnessOptions, fairnessByAttribute } from "./fairness.js";

/** Per class, in class order: the attribute's fairness for "is it class c?". */
export function fairnessByClass(
  attribute: string,
  groupOf: ArrayLike<string>,
  labels: ArrayLike<number>,
  predicted: ArrayLike<number>,
  classes: string[],
  options: FairnessOptions = {},
): Record<string, AttributeFairness> {
  const n = labels.length;
  const out: Record<string, AttributeFairness> = {};
  const isClass = new Uint8Array(n);
  const predictedClass = new Uint8Array(n);
  classes.forEach((name, c) => {
    for (let i = 0; i < n; i++) {
      isClass[i] = labels[i] === c ? 1 : 0;
      predictedClass[i] = predicted[i] === c ? 1 : 0;
    }
    out[name] = fairnessByAttribute(attribute, groupOf, isClass, predictedClass, options);
  });
  return out;
}
