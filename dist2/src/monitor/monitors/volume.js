import { monitorMetric } from "./check.js";
/** prediction_count: predictions in the window. */
export const volume = {
    ids: ["prediction_count"],
    run({ summary }) {
        const n = summary?.rows ?? 0;
        return [monitorMetric("prediction_count", null, { metric: "prediction count", value: n, n })];
    },
};
