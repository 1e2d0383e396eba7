/**
 * Regression nonconformity: the absolute residual |y − ŷ|, or the normalised residual |y − ŷ| / σ(x)
 * when a scale is given (a spread estimate per row: a column or a second model). The interval is
 * ŷ ± qhat·σ(x), so it has constant width for residuals and adapts to σ for normalised residuals
 * (Papadopoulos et al. 2002; Lei et al. 2018 §5.2).
 */
import { TrustError } from "./errors.js";
export function residualScores(actual, predicted, scale) {
    const n = actual.length;
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
        const s = scale ? checkScale(scale[i], i) : 1;
        out[i] = Math.abs(actual[i] - predicted[i]) / s;
    }
    return out;
}
/** The interval [ŷ − qhat·σ, ŷ + qhat·σ] of each row (σ = 1 without a scale). */
export function residualIntervals(predicted, qhat, scale) {
    const n = predicted.length;
    const lower = new Float64Array(n);
    const upper = new Float64Array(n);
    for (let i = 0; i < n; i++) {
        const half = qhat[i] * (scale ? checkScale(scale[i], i) : 1);
        lower[i] = predicted[i] - half;
        upper[i] = predicted[i] + half;
    }
    return { lower, upper };
}
export function checkScale(s, row) {
    if (!(s > 0) || !Number.isFinite(s))
        throw new TrustError(`the scale must be a positive finite number, but row ${row} has ${s}`);
    return s;
}
