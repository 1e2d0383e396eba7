/**
 * Metrics by slice: for given columns (numeric ones bucketed by quantiles) and their pairwise
 * intersections, each slice's accuracy (Wilson interval) and ROC AUC (bootstrap-t on the logit scale), and a two-sided
 * two-proportion z-test of its error rate against the rest of the data, Bonferroni-corrected for
 * the number of slices examined.
 */
import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import { aucStudentizedInterval } from "../stats/auc-interval.js";
import { allRows, DEFAULT_LEVEL, DEFAULT_RESAMPLES, stratifiedBootstrap, } from "../stats/bootstrap.js";
import { AUC_VARIANCE, BINARY_METRICS, BinaryMetricEngine } from "./binary.js";
import { budgetedResamples, MIN_CLASS_ROWS, proportionEstimate } from "./estimate.js";
import { bitsetRows, bitsetWords, popcount, tablePredicates, } from "./predicates.js";
/** Per-row 0/1 errors at the threshold, as a bit set and a count. */
export function errorBits(scores, labels, threshold) {
    const bits = new Uint32Array(bitsetWords(labels.length));
    let errors = 0;
    for (let i = 0; i < labels.length; i++)
        if ((scores[i] >= threshold ? 1 : 0) !== labels[i]) {
            bits[i >>> 5] |= 1 << (i & 31);
            errors++;
        }
    return { bits, errors };
}
export function andBits(a, b) {
    const out = new Uint32Array(a.length);
    for (let k = 0; k < a.length; k++)
        out[k] = a[k] & b[k];
    return out;
}
/** Metrics of the rows in `rows` (a bit set) with an interval each and the test against the rest. */
export function describeSlice(predicates, rows, scores, labels, threshold, errors, examined, options = {}) {
    const n = labels.length;
    const index = bitsetRows(rows);
    const count = index.length;
    const s = Float64Array.from(index, (i) => scores[i]);
    const y = Uint8Array.from(index, (i) => labels[i]);
    let positives = 0;
    for (let k = 0; k < count; k++)
        positives += y[k];
    const sliceErrors = popcount(andBits(rows, errors.bits));
    const errorRate = count === 0 ? Number.NaN : sliceErrors / count;
    const rest = n - count;
    const restErrors = errors.errors - sliceErrors;
    const restErrorRate = rest === 0 ? null : restErrors / rest;
    let pValue = null;
    if (rest > 0 && count > 0) {
        const pooled = errors.errors / n;
        const se = Math.sqrt(pooled * (1 - pooled) * (1 / count + 1 / rest));
        pValue =
            se === 0
                ? errorRate === restErrorRate
                    ? 1
                    : 0
                : 2 * normalCdf(-Math.abs(errorRate - restErrors / rest) / se, 0, 1); // lower tail: no cancellation
    }
    const pValueAdjusted = pValue === null ? null : Math.min(1, pValue * Math.max(1, examined));
    const level = options.level ?? DEFAULT_LEVEL;
    const sufficient = count >= (options.minSize ?? 30);
    // Accuracy is a proportion of the slice's rows: Wilson, never a resampled constant. (A bootstrap
    // within label held each class's count fixed, so a slice where the model predicts one class for
    // every row got accuracy = that class's share in every resample: a zero-width interval.)
    const accuracy = count
        ? { ...proportionEstimate(count - sliceErrors, count, level), ...(sufficient ? {} : { ci: null }) }
        : { value: null, ci: null, n: 0, reason: "empty slice" };
    let rocAuc = { value: null, ci: null, n: count, reason: "one class only in this slice" };
    if (sufficient) {
        const engine = new BinaryMetricEngine(s, y, threshold);
        const point = engine.metrics();
        const auc = BINARY_METRICS.indexOf("rocAuc");
        if (Number.isFinite(point[auc])) {
            const fewest = Math.min(positives, count - positives);
            const samples = (options.resamples ?? DEFAULT_RESAMPLES) > 0
                ? stratifiedBootstrap(allRows(count), count, (w) => {
                    const m = engine.metrics(w);
                    return [m[auc], m[AUC_VARIANCE]];
                }, options)
                : [];
            rocAuc = {
                value: point[auc],
                ci: samples.length > 0
                    ? aucStudentizedInterval(point[auc], point[AUC_VARIANCE], samples[0], samples[1], fewest, level)
                    : null,
                n: count,
                method: "bootstrap-t, logit, rows",
                ...(fewest < MIN_CLASS_ROWS
                    ? {
                        status: "insufficient",
                        reason: `${fewest} rows in the smaller class < ${MIN_CLASS_ROWS}`,
                    }
                    : {}),
            };
        }
    }
    return {
        slice: predicates.join(" & "),
        predicates,
        count,
        positives,
        accuracy,
        rocAuc,
        errorRate,
        restErrorRate,
        pValue,
        pValueAdjusted,
        significant: pValueAdjusted !== null && pValueAdjusted < (options.alpha ?? 0.05),
        resamples: sufficient ? (options.resamples ?? DEFAULT_RESAMPLES) : 0,
        status: sufficient ? "ok" : "insufficient",
    };
}
/** Slices by the given columns and (optionally) their pairwise intersections. */
export function slicesByColumns(table, columns, scores, labels, threshold, options = {}) {
    const predicates = tablePredicates(table, columns, options);
    const errors = errorBits(scores, labels, threshold);
    const sets = predicates.map((p) => ({
        names: [p.label],
        rows: p.rows,
    }));
    if (options.intersections ?? true) {
        for (let a = 0; a < predicates.length; a++)
            for (let b = a + 1; b < predicates.length; b++) {
                const pa = predicates[a];
                const pb = predicates[b];
                if (pa.columnIndex === pb.columnIndex)
                    continue;
                const rows = andBits(pa.rows, pb.rows);
                if (popcount(rows) > 0)
                    sets.push({ names: [pa.label, pb.label], rows });
            }
    }
    const visits = sets.reduce((sum, s) => sum + popcount(s.rows), 0);
    const budget = { ...options, resamples: budgetedResamples(options, visits) };
    return sets.map((s) => describeSlice(s.names, s.rows, scores, labels, threshold, errors, sets.length, budget));
}
