import { formatNumber } from "../../report/format.js";
import { wilsonInterval } from "../../stats/wilson.js";
import { monitorMetric } from "./check.js";
/** outlier_share: rows with a numeric feature beyond the reference's far-out fences (Q1 − 3·IQR, Q3 + 3·IQR). */
export const outlierShare = {
    ids: ["outlier_share"],
    run({ summary }) {
        const n = summary?.outlierChecked ?? 0;
        const outliers = summary?.outlierRows ?? 0;
        return [
            monitorMetric("outlier_share", null, {
                metric: "outlier share",
                value: n === 0 ? null : outliers / n,
                ci: n === 0 ? null : wilsonInterval(outliers, n),
                reason: n === 0 ? "no rows checked against a reference" : null,
                context: `(${formatNumber(outliers)} of ${formatNumber(n)} rows have a numeric feature beyond the reference's far-out fences, Q1 − 3·IQR and Q3 + 3·IQR)`,
                n,
            }),
        ];
    },
};
