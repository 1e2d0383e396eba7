import { fitGbdt, predictRaw } from "./fit.js";
import { sigmoid } from "./loss.js";
import { gbdtParams } from "./params.js";
export { fitGbdt, predictRaw } from "./fit.js";
export { GBDT_DEFAULTS, GBDT_PARAM_NAMES, gbdtParams } from "./params.js";
export function trainGbdt(batch, y, features, options = {}) {
    const params = gbdtParams(options.params);
    const fit = fitGbdt(batch, y, features, options.loss ?? "logloss", params);
    return { ...gbdtModel(fit, features, params, "baseline:gbdt"), training: fit };
}
/** A Model around a fitted (or loaded) ensemble: binary scores are σ(raw), regression scores raw. */
export function gbdtModel(fit, features, params, source, extra = {}) {
    const binary = fit.loss === "logloss";
    return {
        name: "gradient-boosted trees",
        kind: "baseline",
        features,
        fit,
        params,
        metadata: {
            source,
            task: binary ? "binary" : "regression",
            baseline: "gbdt",
            trees: fit.trees.length,
            ...extra,
        },
        async predict(batch) {
            const raw = predictRaw(fit, batch);
            if (binary)
                for (let i = 0; i < raw.length; i++)
                    raw[i] = sigmoid(raw[i]);
            return { scores: raw };
        },
        async close() { },
    };
}
