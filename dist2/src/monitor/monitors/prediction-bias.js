import { monitorMetric } from "./check.js";
import { DEFAULT_MIN_LABELED } from "./inputs.js";
import { scoredLabeled } from "./labels.js";
const Z95 = 1.959963984540054;
/**
 * prediction_bias: mean(score − label) over labeled, scored predictions, with a normal 95% interval; it
 * fails when the interval excludes 0 (the scores no longer match the observed positive rate).
 */
export const predictionBias = {
    ids: ["prediction_bias"],
    run({ spec, labeled, options }) {
        if (spec.task !== "binary")
            return [];
        const { scores, labels } = scoredLabeled(spec, labeled);
        const n = scores.length;
        const min = options?.minLabeled ?? DEFAULT_MIN_LABELED;
        const metric = "bias mean(score − label)";
        if (n < min)
            return [
                monitorMetric("prediction_bias", null, {
                    metric,
                    value: null,
                    reason: `${n} labeled scored predictions in the window; need ${min}`,
                    n,
                }),
            ];
        let sum = 0;
        let sumSq = 0;
        let meanScore = 0;
        for (let i = 0; i < n; i++) {
            const d = scores[i] - labels[i];
            sum += d;
            sumSq += d * d;
            meanScore += scores[i];
        }
        const bias = sum / n;
        const sd = Math.sqrt(Math.max(0, (sumSq - n * bias * bias) / (n - 1)));
        const half = (Z95 * sd) / Math.sqrt(n);
        return [
            monitorMetric("prediction_bias", null, {
                metric,
                value: bias,
                ci: [bias - half, bias + half],
                condition: { min: 0, max: 0, reading: "excludes" },
                context: `(mean score ${(meanScore / n).toFixed(4)} vs observed positive rate ${((meanScore - sum) / n).toFixed(4)})`,
                n,
            }),
        ];
    },
};
