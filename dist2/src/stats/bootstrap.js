/**
 * Seeded percentile bootstrap (Efron & Tibshirani 1993, ch. 13). A resample is a vector of counts
 * (how often each row was drawn), so a statistic is written once as a weighted pass over data that
 * was sorted or binned beforehand: nothing is copied or re-sorted per resample.
 *
 * Conventions: rows are drawn with replacement, each stratum to its own size (one stratum = the plain
 * bootstrap); the interval is [q(α/2), q(1 − α/2)] of the resample distribution with the project's
 * quantile (NumPy 'linear', ./quantile.ts); resamples where the statistic is undefined (NaN) are left
 * out. Counterpart: scipy.stats.bootstrap(..., method="percentile") computes the same interval from
 * its own resamples; ours are reproducible from the seed (./random.ts) on every machine and browser.
 */
import { quantileSorted } from "./quantile.js";
import { seededRandom } from "./random.js";
export const DEFAULT_RESAMPLES = 1000;
export const DEFAULT_SEED = 20240607;
export const DEFAULT_LEVEL = 0.95;
/**
 * Draws `resamples` stratified resamples: each stratum (a list of row indices into [0, size)) is
 * resampled with replacement to its own size, so class (or group) sizes never vary between resamples.
 * `statistic(counts)` returns one or more values; the result holds, for each value, its resample
 * distribution (NaN where the statistic was undefined in a resample).
 */
export function stratifiedBootstrap(strata, size, statistic, options = {}) {
    const resamples = options.resamples ?? DEFAULT_RESAMPLES;
    const random = seededRandom(options.seed ?? DEFAULT_SEED);
    const counts = new Uint8Array(size);
    const local = new Uint8Array(Math.max(0, ...strata.map((s) => s.length)));
    let out = null;
    for (let r = 0; r < resamples; r++) {
        counts.fill(0);
        for (const stratum of strata) {
            const m = stratum.length;
            // Draw into stratum-local counts (one random access per draw), then scatter in order.
            local.fill(0, 0, m);
            random.countDraws(local, m, m);
            for (let j = 0; j < m; j++)
                counts[stratum[j]] = local[j];
        }
        const values = statistic(counts);
        out ??= Array.from({ length: values.length }, () => new Float64Array(resamples));
        for (let k = 0; k < values.length; k++)
            out[k][r] = values[k];
    }
    return out ?? [];
}
/** The rows 0 … size − 1 as one stratum: the plain (unstratified) bootstrap. */
export function allRows(size) {
    const rows = new Uint32Array(size);
    for (let i = 0; i < size; i++)
        rows[i] = i;
    return size > 0 ? [rows] : [];
}
/**
 * The percentile interval [q(α/2), q(1 − α/2)] of a resample distribution. NaN resamples are left
 * out; null when none is left.
 */
export function percentileInterval(samples, level = DEFAULT_LEVEL) {
    const finite = samples.filter((v) => !Number.isNaN(v)).sort();
    if (finite.length === 0)
        return null;
    const alpha = 1 - level;
    return [quantileSorted(finite, alpha / 2), quantileSorted(finite, 1 - alpha / 2)];
}
/** Indices of the rows in each class of a 0/1 label vector: the strata of a label-stratified bootstrap. */
export function strataByLabel(labels, classes = 2) {
    const sizes = new Array(classes).fill(0);
    for (let i = 0; i < labels.length; i++)
        sizes[labels[i]]++;
    const strata = sizes.map((s) => new Uint32Array(s));
    const fill = new Array(classes).fill(0);
    for (let i = 0; i < labels.length; i++)
        strata[labels[i]][fill[labels[i]]++] = i;
    return strata.filter((s) => s.length > 0);
}
