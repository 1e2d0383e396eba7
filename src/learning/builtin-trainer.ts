/**
 * A SanityTrainer for the built-in learners. "high" capacity — for the overfit check — lifts the
 * limits that stop a learner memorising: gbdt minSamplesLeaf 1, no early stopping; tree depth 20,
 * minLeaf 1; logreg C = 10⁴ (almost no penalty).
 */
import type { BaselineOptions } from "../model/baselines/index.js";
import { type LearnerName, trainLearner } from "../model/baselines/learner.js";
import type { SanityTrainer } from "./sanity.js";

export function builtinTrainer(
  algo: LearnerName,
  features: string[],
  options: BaselineOptions,
): SanityTrainer {
  return async (rows, labels, capacity) => {
    if (capacity === "default") return trainLearner(algo, rows, labels, features, options);
    const high: BaselineOptions =
      algo === "gbdt"
        ? { ...options, gbdt: { ...options.gbdt, minSamplesLeaf: 1, earlyStopping: false } }
        : algo === "tree"
          ? { ...options, maxDepth: 20, minLeaf: 1 }
          : { ...options, C: 1e4 };
    return trainLearner(algo, rows, labels, features, high);
  };
}
