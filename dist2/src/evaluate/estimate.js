/**
 * A metric estimated from a sample, with its interval, the method behind the interval and the sample
 * size. Which interval each metric gets, and why, is written down in docs/evaluate.md ("Confidence
 * intervals"): a count over a denominator gets the Wilson interval on that denominator; any other
 * metric a percentile bootstrap that resamples the way the metric's sampling works (plain rows for
 * metrics that depend on prevalence, within label for metrics conditional on it).
 */
import { DEFAULT_LEVEL, DEFAULT_RESAMPLES, percentileInterval, } from "../stats/bootstrap.js";
import { wilsonInterval } from "../stats/wilson.js";
/**
 * Below these sizes an estimate is `insufficient`: a proportion needs a denominator of at least
 * MIN_DENOMINATOR (Wilson's coverage is within ~2 points of nominal from there on, Brown, Cai &
 * DasGupta 2001, fig. 4), a metric that compares the classes (ROC AUC, PR AUC, MCC …) at least
 * MIN_CLASS_ROWS rows of each class.
 */
export const MIN_DENOMINATOR = 10;
export const MIN_CLASS_ROWS = 10;
/** A proportion k/n with its Wilson interval; insufficient below MIN_DENOMINATOR. */
export function proportionEstimate(k, n, level = DEFAULT_LEVEL, what = "rows", valueWhenEmpty = null) {
    if (n <= 0)
        return valueWhenEmpty === null
            ? { value: null, ci: null, n: 0, method: "wilson", reason: `no ${what}` }
            : {
                value: valueWhenEmpty,
                ci: null,
                n: 0,
                method: "wilson",
                status: "insufficient",
                reason: `no ${what}`,
            };
    const out = { value: k / n, ci: wilsonInterval(k, n, level), n, method: "wilson" };
    if (n < MIN_DENOMINATOR) {
        out.status = "insufficient";
        out.reason = `${n} ${what} < ${MIN_DENOMINATOR}`;
    }
    return out;
}
/** An estimate from a point value and its resample distribution (percentile interval). */
export function bootstrapEstimate(value, samples, n, method, level = DEFAULT_LEVEL) {
    if (!Number.isFinite(value))
        return { value: null, ci: null, n, reason: "undefined on this sample" };
    return { value, ci: samples ? percentileInterval(samples, level) : null, n, method };
}
/** Builds Estimates from point values and their resample distributions. */
export function estimates(values, samples, n, level = DEFAULT_LEVEL, method = "bootstrap percentile, rows") {
    return Array.from({ length: values.length }, (_, k) => bootstrapEstimate(values[k], samples[k], n, method, level));
}
/**
 * Row visits allowed to a secondary bootstrap (slices, baselines), beyond the main metrics. Past it
 * the number of resamples is reduced (never below 100), so a million-row evaluation stays minutes,
 * not hours; the resamples actually used are reported next to the intervals.
 */
export const SECONDARY_BUDGET = 2e8;
export function budgetedResamples(options, rowsPerResample) {
    const requested = options.resamples ?? DEFAULT_RESAMPLES;
    const cap = Math.max(100, Math.floor(SECONDARY_BUDGET / Math.max(1, rowsPerResample)));
    return Math.min(requested, cap);
}
