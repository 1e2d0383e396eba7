import { accuracy, f1, precision, recall } from "../../evaluate/confusion.js";
import { expectedCalibrationError } from "../../evaluate/probability.js";
import { sketchBuckets } from "../../sketch/quantiles.js";
import { SCORE_COLUMN } from "../bucket-summary.js";
import { column, DEFAULT_MIN_LABELED } from "./inputs.js";
import { scoredLabeled } from "./labels.js";
import { metricReadings } from "./performance.js";
/**
 * estimated_performance: confidence-based performance estimation (CBPE, NannyML). With calibrated scores,
 * P(y = 1 | s) = s, so the expected confusion matrix of a window is E[TP] = Σ_{s ≥ t} s,
 * E[FP] = Σ_{s ≥ t} (1 − s), E[FN] = Σ_{s < t} s, E[TN] = Σ_{s < t} (1 − s), and metrics follow from it
 * before any label arrives. Assumptions: (1) the scores are calibrated — checked here, ECE on the latest
 * labeled predictions must be ≤ maxCalibrationError; (2) no concept shift, P(y | x) unchanged since
 * calibration — cannot be checked without labels, which is why realized performance is shown beside the
 * estimate once labels land. The sums come from the window's score sketch (bucket representatives,
 * relative error ≤ the sketch's accuracy); a bucket straddling the threshold is split in proportion to its
 * interval.
 */
export const estimatedPerformance = {
    ids: ["estimated_performance"],
    run: cbpe,
};
const METRICS = ["accuracy", "precision", "recall", "f1"];
function cbpe({ spec, summary, labeled, calibrationLabeled, options }) {
    if (spec.task !== "binary")
        return [];
    const score = column(summary?.profile, SCORE_COLUMN);
    const n = score?.moments?.n ?? 0;
    const insufficient = (why, details) => metricReadings("estimated_performance", Object.fromEntries(METRICS.map((m) => [m, null])), n, why, {
        method: "cbpe",
        details,
    });
    if (!score?.sketch || n === 0)
        return insufficient("no scores in the window");
    if ((score.min ?? 0) < 0 || (score.max ?? 1) > 1)
        return insufficient("scores are not probabilities in [0, 1]");
    const t = spec.threshold;
    const e = { tp: 0, fp: 0, tn: 0, fn: 0 };
    for (const b of sketchBuckets(score.sketch)) {
        const above = b.lo >= t ? 1 : b.hi < t || b.hi === b.lo ? (b.value >= t ? 1 : 0) : (b.hi - t) / (b.hi - b.lo);
        const s = Math.min(1, Math.max(0, b.value));
        e.tp += b.count * above * s;
        e.fp += b.count * above * (1 - s);
        e.fn += b.count * (1 - above) * s;
        e.tn += b.count * (1 - above) * (1 - s);
    }
    // Calibration check on the window's labels when there are enough, else on the latest labels before it.
    const min = options?.minLabeled ?? DEFAULT_MIN_LABELED;
    const own = scoredLabeled(spec, labeled);
    const check = own.scores.length >= Math.max(min, 200) ? own : scoredLabeled(spec, calibrationLabeled);
    const maxEce = options?.maxCalibrationError ?? 0.05;
    const ece = check.scores.length >= min ? expectedCalibrationError(check.scores, check.labels) : null;
    const assumptions = [
        {
            name: "calibrated scores",
            holds: ece === null ? null : ece <= maxEce,
            value: ece,
            threshold: maxEce,
            n: check.scores.length,
            note: "expected calibration error (10 equal-width bins) on the latest labeled predictions",
        },
        {
            name: "no concept shift",
            holds: null,
            note: "P(y | x) unchanged since the scores were calibrated: not checkable before labels; compare with realized performance",
        },
    ];
    if (ece === null)
        return insufficient("no labeled predictions to check calibration; CBPE needs calibrated scores", {
            assumptions,
        });
    if (ece > maxEce)
        return insufficient(`scores are not calibrated (ECE ${ece.toFixed(3)} > ${maxEce}); CBPE would be biased`, {
            assumptions,
        });
    return metricReadings("estimated_performance", { accuracy: accuracy(e), precision: precision(e), recall: recall(e), f1: f1(e) }, n, "undefined", { method: "cbpe", details: { assumptions, expectedConfusion: e } });
}
