import { monitorMetric } from "./check.js";
import type { Monitor } from "./inputs.js";

/** prediction_count: predictions in the window. */
export const volume: Monitor = {
  ids: ["prediction_count"],
  run({ summary }) {
    const n = summary?.rows ?? 0;
    return [monitorMetric("prediction_count", null, { metric: "prediction count", value: n, n })];
  },
};
