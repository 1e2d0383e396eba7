/**
 * Decision thresholds learned from scored, labelled data. Candidates are the distinct scores t, with
 * y_pred = score ≥ t. Ties between candidates go to the smallest t for max-F1, Youden's J and cost
 * (as the oracle's best-F1 rule) and to the largest t for precision-at-recall (the most selective
 * threshold that still meets the recall target).
 */
import { rankCurve } from "./ranking.js";
export function learnThresholds(scores, labels, options = {}) {
    const { points, positives: P, negatives: N } = rankCurve(scores, labels);
    const cfp = options.costFalsePositive ?? 1;
    const cfn = options.costFalseNegative ?? 1;
    const minRecall = options.minRecall ?? 0.8;
    const choice = (rule, k, objective) => {
        const { threshold, tp, fp } = points[k];
        const fn = P - tp;
        return {
            rule,
            threshold,
            tp,
            fp,
            fn,
            tn: N - fp,
            precision: tp + fp === 0 ? 0 : tp / (tp + fp),
            recall: P === 0 ? 0 : tp / P,
            f1: (2 * tp) / (2 * tp + fp + fn),
            fpr: N === 0 ? 0 : fp / N,
            objective,
        };
    };
    // Points run from the highest threshold down; ">=" keeps the last (smallest) maximiser.
    let bestF1 = -1;
    let kF1 = 0;
    let bestJ = -2;
    let kJ = 0;
    let bestCost = Number.POSITIVE_INFINITY;
    let kCost = 0;
    let bestPrecision = -1;
    let kPrecision = -1;
    points.forEach(({ tp, fp }, k) => {
        const f1 = (2 * tp) / (tp + fp + P);
        if (f1 >= bestF1)
            [bestF1, kF1] = [f1, k];
        const j = tp / P - fp / N;
        if (j >= bestJ)
            [bestJ, kJ] = [j, k];
        const cost = cfp * fp + cfn * (P - tp);
        if (cost <= bestCost)
            [bestCost, kCost] = [cost, k];
        const precision = tp / (tp + fp);
        if (tp / P >= minRecall && precision > bestPrecision)
            [bestPrecision, kPrecision] = [precision, k];
    });
    return {
        maxF1: choice("max F1", kF1, bestF1),
        youden: choice("Youden's J (TPR − FPR)", kJ, bestJ),
        cost: choice(`min cost (FP ${cfp}, FN ${cfn})`, kCost, bestCost),
        precisionAtRecall: kPrecision < 0 ? null : choice(`max precision at recall ≥ ${minRecall}`, kPrecision, bestPrecision),
    };
}
