import { trainLearner } from "../model/baselines/learner.js";
export function builtinTrainer(algo, features, options) {
    return async (rows, labels, capacity) => {
        if (capacity === "default")
            return trainLearner(algo, rows, labels, features, options);
        const high = algo === "gbdt"
            ? { ...options, gbdt: { ...options.gbdt, minSamplesLeaf: 1, earlyStopping: false } }
            : algo === "tree"
                ? { ...options, maxDepth: 20, minLeaf: 1 }
                : { ...options, C: 1e4 };
        return trainLearner(algo, rows, labels, features, high);
    };
}
