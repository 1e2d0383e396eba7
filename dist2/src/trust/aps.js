/**
 * APS (adaptive prediction sets, Romano, Sesia & Candès 2020). Classes are ranked by probability,
 * highest first (ties by class index); the nonconformity of class c is the probability mass of the
 * classes ranked above it plus its own, so a set grows down the ranking until it holds 1 − α of the
 * mass. Randomised APS subtracts u·p(c | x), u ~ U[0, 1) drawn once per row, which makes coverage
 * exact rather than conservative (sets may then be empty). Either way a set is {c : score ≤ qhat}.
 * MAPIE 1.x differs: its calibration score is always the randomised one, and its default
 * include_last_label=True adds the class whose cumulative mass crosses qhat (docs/trust.md).
 */
import { classCount, probabilityOf, rowCount } from "./classifier-output.js";
export function apsNonconformity(output, uniforms) {
    const n = rowCount(output);
    const k = classCount(output);
    const out = new Float64Array(n * k);
    const p = new Float64Array(k);
    const order = Array.from({ length: k }, (_, c) => c);
    for (let i = 0; i < n; i++) {
        for (let c = 0; c < k; c++) {
            p[c] = probabilityOf(output, i, c);
            order[c] = c;
        }
        order.sort((a, b) => p[b] - p[a] || a - b);
        let mass = 0;
        for (const c of order) {
            mass += p[c];
            out[i * k + c] = uniforms ? mass - uniforms[i] * p[c] : mass;
        }
    }
    return out;
}
