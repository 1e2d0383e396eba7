/**
 * The loss of each held-out row under a model's prediction, the unit that feature usefulness
 * averages and pairs: binary log loss −[y log p + (1 − y) log(1 − p)] with p clipped to
 * [10⁻¹⁵, 1 − 10⁻¹⁵] (scikit-learn's log_loss before 1.3); regression squared error (f − y)²;
 * multiclass −log p_y from the probabilities (clipped the same way), or the 0/1 error of the
 * arg-max class when the model gives none. Row means equal sklearn.metrics.log_loss,
 * mean_squared_error and 1 − accuracy_score.
 */
import type { ModelTask, Prediction } from "../model/model.js";

export type RowLossName = "log_loss" | "squared_error" | "misclassification";

const EPS = 1e-15;

export function rowLossName(task: ModelTask, prediction?: Prediction): RowLossName {
  if (task === "binary") return "log_loss";
  if (task === "regression") return "squared_error";
  return prediction === undefined || prediction.probabilities ? "log_loss" : "misclassification";
}

/** Per-row losses of `prediction` against `labels` (0/1, values, or class indices by task). */
export function rowLosses(task: ModelTask, prediction: Prediction, labels: ArrayLike<number>): Float64Array {
  const n = labels.length;
  const out = new Float64Array(n);
  const { scores } = prediction;
  if (task === "binary") {
    for (let i = 0; i < n; i++) {
      const p = Math.min(Math.max(scores[i], EPS), 1 - EPS);
      out[i] = labels[i] === 1 ? -Math.log(p) : -Math.log(1 - p);
    }
  } else if (task === "regression") {
    for (let i = 0; i < n; i++) out[i] = (scores[i] - labels[i]) ** 2;
  } else if (prediction.probabilities && prediction.classes) {
    const k = prediction.classes;
    for (let i = 0; i < n; i++)
      out[i] = -Math.log(Math.min(Math.max(prediction.probabilities[i * k + labels[i]], EPS), 1 - EPS));
  } else {
    for (let i = 0; i < n; i++) out[i] = scores[i] === labels[i] ? 0 : 1;
  }
  return out;
}
