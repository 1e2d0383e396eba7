/**
 * Holm's step-down adjustment, controlling the family-wise error rate under any dependence:
 * over the ascending p-values, p̃₍ᵢ₎ = max_{j ≤ i} min(1, (m − j + 1)·p₍ⱼ₎).
 */
export function holm(pValues) {
    const order = ascending(pValues);
    const m = order.length;
    const out = pValues.map(() => Number.NaN);
    let running = 0;
    for (let rank = 0; rank < m; rank++) {
        const i = order[rank];
        running = Math.max(running, Math.min(1, (m - rank) * pValues[i]));
        out[i] = running;
    }
    return out;
}
/**
 * Benjamini–Hochberg step-up adjustment (q-values), controlling the false discovery rate for
 * independent or positively dependent tests: q₍ᵢ₎ = min_{j ≥ i} min(1, p₍ⱼ₎ · m / j).
 */
export function benjaminiHochberg(pValues) {
    const order = ascending(pValues);
    const m = order.length;
    const out = pValues.map(() => Number.NaN);
    let running = 1;
    for (let rank = m - 1; rank >= 0; rank--) {
        const i = order[rank];
        running = Math.min(running, (pValues[i] * m) / (rank + 1));
        out[i] = Math.min(1, running);
    }
    return out;
}
export function adjustPValues(pValues, method) {
    return method === "holm" ? holm(pValues) : benjaminiHochberg(pValues);
}
/** Indices of the non-NaN p-values, smallest p first (ties keep input order). */
function ascending(pValues) {
    return pValues
        .map((_, i) => i)
        .filter((i) => !Number.isNaN(pValues[i]))
        .sort((a, b) => pValues[a] - pValues[b]);
}
