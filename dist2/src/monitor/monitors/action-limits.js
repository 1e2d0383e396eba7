import { formatNumber } from "../../report/format.js";
import { wilsonInterval } from "../../stats/wilson.js";
import { monitorMetric } from "./check.js";
/** positive_rate: the share of predictions counted positive; it fails outside the model's action limits. */
export const actionLimits = {
    ids: ["positive_rate"],
    run({ spec, summary }) {
        const n = summary?.rows ?? 0;
        const positives = summary?.positives ?? 0;
        const { minPositiveRate: min, maxPositiveRate: max } = spec.actionLimits ?? {};
        return [
            monitorMetric("positive_rate", null, {
                metric: "positive rate",
                value: n === 0 ? null : positives / n,
                ci: n === 0 ? null : wilsonInterval(positives, n),
                condition: min === undefined && max === undefined ? undefined : { min, max },
                reason: n === 0 ? "no predictions" : null,
                context: `(${formatNumber(positives)} of ${formatNumber(n)} predictions positive)`,
                n,
            }),
        ];
    },
};
