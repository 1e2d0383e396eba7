import { encode, learnEncoding } from "./design.js";
import { gbdtModel, gbdtParams, trainGbdt } from "./gbdt/index.js";
import { fitLogistic, predictLogistic } from "./logistic.js";
import { fitTree, predictTree } from "./tree.js";
export const BASELINES = ["majority", "logistic", "tree", "gbdt"];
export const BASELINE_NAMES = {
    majority: "majority class",
    logistic: "logistic regression (L2)",
    tree: "decision tree",
    gbdt: "gradient-boosted trees",
};
const NAMES = BASELINE_NAMES;
/** Trains one baseline on `train` (which must hold `features`) with 0/1 `labels`. */
export function trainBaseline(kind, train, labels, features, options = {}) {
    const n = labels.length;
    let positives = 0;
    for (let i = 0; i < n; i++)
        positives += labels[i];
    if (kind === "majority")
        return baselineFromState({ kind, prevalence: positives / n }, []);
    if (kind === "gbdt") {
        const model = trainGbdt(train, labels, features, { params: options.gbdt });
        return baselineFromState({ kind, fit: model.fit, params: { ...model.params } }, features);
    }
    const encoding = learnEncoding(train, features, options.topCategories ?? 10);
    const p = encoding.columns.length;
    const x = encode(train, encoding);
    if (kind === "logistic")
        return baselineFromState({ kind, encoding, fit: fitLogistic(x, labels, p, { C: options.C }) }, features);
    const root = fitTree(x, labels, p, { maxDepth: options.maxDepth, minLeaf: options.minLeaf });
    return baselineFromState({ kind, encoding, root }, features, {
        maxDepth: options.maxDepth ?? 3,
        minLeaf: options.minLeaf ?? 20,
    });
}
/** A Model that scores with a learned (or loaded) baseline state. */
export function baselineFromState(state, features, details = {}, source = `baseline:${state.kind}`) {
    if (state.kind === "majority") {
        const rate = state.prevalence;
        return baselineModel(state, [], null, { prevalence: rate, ...details }, source, (batch) => new Float64Array(batch.length).fill(rate));
    }
    if (state.kind === "gbdt") {
        const model = gbdtModel(state.fit, features, gbdtParams(state.params), source);
        return {
            ...model,
            encoding: null,
            state,
            metadata: { ...model.metadata, ...details },
        };
    }
    const { encoding } = state;
    const p = encoding.columns.length;
    if (state.kind === "logistic") {
        const { fit } = state;
        return baselineModel(state, features, encoding, { iterations: fit.iterations, columns: p, ...details }, source, (batch) => predictLogistic(fit, encode(batch, encoding), batch.length));
    }
    const { root } = state;
    return baselineModel(state, features, encoding, { columns: p, ...details }, source, (batch) => predictTree(root, encode(batch, encoding), batch.length, p));
}
function baselineModel(state, features, encoding, details, source, score) {
    const kind = state.kind;
    return {
        name: NAMES[kind],
        kind: "baseline",
        features,
        encoding,
        state,
        metadata: { source, task: "binary", baseline: kind, ...details },
        async predict(batch) {
            return { scores: score(batch) };
        },
        async close() { },
    };
}
