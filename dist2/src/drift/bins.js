import { quantile } from "../stats/quantile.js";
/**
 * The reference-decile bins of a numeric column: edges q1…q9 of the reference (NumPy 'linear'
 * quantiles, src/stats/quantile.ts), bins (−∞, q₁], (q₁, q₂], …, (q₉, ∞) — the two outer bins catch
 * current values beyond the reference's range. No edges (and one bin) when the reference is empty.
 */
export function decileBins(reference, current) {
    const edges = reference.total > 0 ? decileEdges(reference) : [];
    return { edges, reference: binCounts(reference, edges), current: binCounts(current, edges) };
}
/** Decile edges q1…q9 of the reference. */
function decileEdges(reference) {
    const edges = [];
    for (let k = 1; k <= 9; k++)
        edges.push(quantile(reference, k / 10));
    return edges;
}
/**
 * Counts per bin for the bins (−∞, e₁], (e₁, e₂], …, (e_last, ∞): a value goes to the first bin
 * whose upper edge it does not exceed, the last bin holding everything above the top edge (the
 * overflow bin). Duplicate edges make empty bins.
 */
export function binCounts(d, edges) {
    const counts = new Array(edges.length + 1).fill(0);
    let bin = 0;
    for (let i = 0; i < d.values.length; i++) {
        const v = d.values[i];
        while (bin < edges.length && v > edges[bin])
            bin++;
        counts[bin] += d.counts[i];
    }
    return counts;
}
/** Counts → proportions (all zero when the total is zero). */
export function proportions(counts) {
    let total = 0;
    for (let i = 0; i < counts.length; i++)
        total += counts[i];
    return Array.from(counts, (c) => (total > 0 ? c / total : 0));
}
