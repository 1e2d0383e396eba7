/**
 * Paired intervals for new − old. The metric deltas use a bootstrap of plain rows (each row carries
 * both models' predictions, so the difference is computed on the same resampled rows and the interval
 * reflects the correlation between the models; plain rows because most metrics depend on prevalence,
 * docs/evaluate.md "Confidence intervals"). A slice's or group's accuracy delta uses Newcombe's paired
 * score interval, which stays valid when a small subset has no flips at all.
 */
import { allRows, DEFAULT_LEVEL, DEFAULT_RESAMPLES, DEFAULT_SEED, percentileInterval, stratifiedBootstrap, } from "../stats/bootstrap.js";
import { newcombePairedDifference } from "../stats/newcombe.js";
export { DEFAULT_LEVEL, DEFAULT_RESAMPLES, DEFAULT_SEED };
/** Every metric of both passes, as old, new and new − old with a paired percentile interval. */
export function pairedMetricDeltas(oldPass, newPass, size, settings = {}) {
    const ones = new Uint32Array(size).fill(1);
    const oldValues = oldPass.compute(ones);
    const newValues = newPass.compute(ones);
    const k = oldPass.names.length;
    const resamples = settings.resamples ?? DEFAULT_RESAMPLES;
    const samples = stratifiedBootstrap(allRows(size), size, (counts) => {
        const o = oldPass.compute(counts);
        const v = newPass.compute(counts);
        return Float64Array.from({ length: k }, (_, j) => v[j] - o[j]);
    }, settings);
    const out = {};
    for (let j = 0; j < k; j++) {
        const delta = newValues[j] - oldValues[j];
        out[oldPass.names[j]] = {
            old: finiteOrNull(oldValues[j]),
            new: finiteOrNull(newValues[j]),
            delta: {
                value: finiteOrNull(delta),
                ci: Number.isFinite(delta) && resamples > 0 ? percentileInterval(samples[j], settings.level) : null,
            },
            n: size,
        };
    }
    return out;
}
/**
 * Accuracy delta (new − old) on a subset of rows (a slice or a group) with Newcombe's paired score
 * interval (src/stats/newcombe.ts): valid at the boundary, where a bootstrap of the per-row changes
 * collapses to [0, 0] in a slice without flips. `resamples: 0` still means no interval, as elsewhere.
 */
export function pairedAccuracyDelta(oldCorrect, newCorrect, rows, settings = {}) {
    const m = rows.length;
    if (m === 0)
        return { value: null, ci: null };
    // both right, old only (a negative flip), new only (a positive flip), both wrong
    let both = 0;
    let oldOnly = 0;
    let newOnly = 0;
    for (let j = 0; j < m; j++) {
        const o = oldCorrect[rows[j]];
        const v = newCorrect[rows[j]];
        if (o && v)
            both++;
        else if (o)
            oldOnly++;
        else if (v)
            newOnly++;
    }
    const value = (newOnly - oldOnly) / m;
    if ((settings.resamples ?? DEFAULT_RESAMPLES) === 0)
        return { value, ci: null };
    const neither = m - both - oldOnly - newOnly;
    return {
        value,
        ci: newcombePairedDifference(both, oldOnly, newOnly, neither, settings.level ?? DEFAULT_LEVEL),
    };
}
function finiteOrNull(v) {
    return Number.isFinite(v) ? v : null;
}
