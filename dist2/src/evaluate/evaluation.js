import { compareWithBaselines } from "./baseline.js";
import { evaluateBinary } from "./binary.js";
import { fairnessByAttribute, intersectionGroups, } from "./fairness.js";
import { rowGroups } from "./predicates.js";
import { calibrationCurve } from "./probability.js";
import { rankCurve } from "./ranking.js";
import { sliceLine } from "./sliceline.js";
import { slicesByColumns } from "./slices.js";
import { learnThresholds } from "./thresholds.js";
export async function evaluateClassifier(table, labels, scores, options = {}) {
    const validation = options.validation ?? { scores, labels };
    const learned = learnThresholds(validation.scores, validation.labels, options.thresholds);
    let threshold = 0.5;
    let thresholdRule = "fixed";
    if (typeof options.threshold === "number")
        threshold = options.threshold;
    else if (options.threshold !== undefined) {
        const pick = {
            "max-f1": learned.maxF1,
            youden: learned.youden,
            cost: learned.cost,
            "precision-at-recall": learned.precisionAtRecall,
        }[options.threshold];
        if (!pick)
            throw new Error(`no threshold reaches the required recall for ${options.threshold}`);
        threshold = pick.threshold;
        thresholdRule = `${pick.rule}, learned on ${options.validation ? "validation" : "evaluation"} data`;
    }
    else
        thresholdRule = "default 0.5";
    const base = evaluateBinary(scores, labels, threshold, options);
    const predicted = Uint8Array.from(scores, (s) => (s >= threshold ? 1 : 0));
    const fairness = {};
    const sensitive = options.sensitive ?? [];
    // Text attributes group by value; numeric ones with many values by quartile, as slices do.
    const groupColumns = sensitive.map((name) => rowGroups(column(table, name), table.length));
    sensitive.forEach((name, k) => {
        fairness[name] = fairnessByAttribute(name, groupColumns[k], labels, predicted, {
            ...options,
            ...options.fairness,
        });
    });
    if (sensitive.length >= 2) {
        const name = sensitive.join(" & ");
        fairness[name] = fairnessByAttribute(name, intersectionGroups(groupColumns, labels.length), labels, predicted, { ...options, ...options.fairness });
    }
    let slices = [];
    let sliceSearch = null;
    if (options.slices === "auto") {
        const columns = options.sliceColumns ?? table.columns.map((c) => c.name);
        const found = sliceLine(table, columns, scores, labels, threshold, { ...options, ...options.sliceLine });
        slices = found.slices;
        sliceSearch = {
            method: "sliceline",
            columns,
            examined: found.examined,
            alpha: found.alpha,
            minSupport: found.minSupport,
            maxLevel: found.maxLevel,
        };
    }
    else if (options.slices && options.slices.length > 0) {
        slices = slicesByColumns(table, options.slices, scores, labels, threshold, options);
        sliceSearch = { method: "columns", columns: options.slices, examined: slices.length };
    }
    const baseline = options.baselineFeatures && options.baselineFeatures.length > 0
        ? await compareWithBaselines({
            table,
            labels,
            modelScores: scores,
            features: options.baselineFeatures,
            threshold,
            train: options.baselineTrain,
        }, options)
        : null;
    return {
        ...base,
        thresholdRule,
        thresholds: { learnedOn: options.validation ? "validation data" : "evaluation data", ...learned },
        calibration: {
            bins: calibrationCurve(scores, labels),
            convention: "10 equal-width bins; bin k holds k/10 ≤ s < (k+1)/10, the last also s = 1",
        },
        curves: curves(scores, labels),
        columns: {
            slices: sliceSearch?.columns ?? null,
            baseline: baseline ? (options.baselineFeatures ?? null) : null,
            excluded: options.excludedColumns ?? [],
        },
        fairness,
        slices,
        sliceSearch,
        baseline,
    };
}
/** ROC and PR curve points, thinned to at most ~200 each for reports. */
function curves(scores, labels) {
    const { points, positives, negatives } = rankCurve(scores, labels);
    const step = Math.max(1, Math.floor(points.length / 200));
    const roc = [{ fpr: 0, tpr: 0, threshold: 1 }];
    const pr = [];
    points.forEach((p, k) => {
        if (k % step !== 0 && k !== points.length - 1)
            return;
        roc.push({ fpr: p.fp / negatives, tpr: p.tp / positives, threshold: p.threshold });
        pr.push({ recall: p.tp / positives, precision: p.tp / (p.tp + p.fp), threshold: p.threshold });
    });
    return { roc, pr };
}
function column(table, name) {
    const c = table.columns.find((x) => x.name === name);
    if (!c)
        throw new Error(`no column '${name}'`);
    return c;
}
