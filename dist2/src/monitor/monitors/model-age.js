import { monitorMetric } from "./check.js";
/** model_age_days: evaluation time − the model's `trainedAt`. */
export const modelAge = {
    ids: ["model_age_days"],
    run({ spec, now }) {
        const trained = spec.trainedAt ? Date.parse(spec.trainedAt) : Number.NaN;
        const value = Number.isFinite(trained) ? (now - trained) / 86_400_000 : null;
        return [
            monitorMetric("model_age_days", null, {
                metric: "days since training",
                value,
                reason: value === null ? "trainedAt is not set on the model" : null,
                n: 1,
            }),
        ];
    },
};
