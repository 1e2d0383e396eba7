/**
 * Empirical coverage and set sizes on evaluation rows. The interval is Wilson's for the share of
 * covered rows: it is conditional on the calibration set that fixed qhat (evaluation rows are then
 * independent draws), which is the coverage a deployed predictor actually has.
 */
import { quantileSorted } from "../stats/quantile.js";
import { wilsonInterval } from "../stats/wilson.js";
/** Coverage over `rows` (every row when omitted). */
export function coverageEstimate(covered, level, rows) {
    let k = 0;
    const n = rows ? rows.length : covered.length;
    if (rows)
        for (let j = 0; j < rows.length; j++)
            k += covered[rows[j]];
    else
        for (let i = 0; i < covered.length; i++)
            k += covered[i];
    return { value: n > 0 ? k / n : null, ci: wilsonInterval(k, n, level), n, covered: k };
}
/** The distribution of set sizes 0…k and the coverage at each size. */
export function setSizeTable(sizes, covered, classes, level) {
    const bySize = Array.from({ length: classes + 1 }, () => []);
    for (let i = 0; i < sizes.length; i++)
        bySize[sizes[i]].push(i);
    return bySize.map((rows, size) => ({
        size,
        count: rows.length,
        share: sizes.length > 0 ? rows.length / sizes.length : 0,
        coverage: coverageEstimate(covered, level, rows),
    }));
}
export function mean(values, rows) {
    const n = rows ? rows.length : values.length;
    if (n === 0)
        return null;
    let sum = 0;
    if (rows)
        for (let j = 0; j < rows.length; j++)
            sum += values[rows[j]];
    else
        for (let i = 0; i < values.length; i++)
            sum += values[i];
    return sum / n;
}
/**
 * Regression's analogue of coverage by set size: coverage within quartiles of the interval width
 * (numpy 'linear' edges; equal edges merge, so constant-width intervals give one bin).
 */
export function widthTable(widths, covered, level) {
    if (widths.length === 0)
        return [];
    const sorted = widths.slice().sort();
    const edges = [sorted[0]];
    for (const p of [0.25, 0.5, 0.75, 1]) {
        const q = p === 1 ? sorted[sorted.length - 1] : quantileSorted(sorted, p);
        if (q > edges[edges.length - 1])
            edges.push(q);
    }
    if (edges.length === 1)
        edges.push(sorted[0]);
    const bins = Array.from({ length: edges.length - 1 }, () => []);
    for (let i = 0; i < widths.length; i++) {
        let b = 0;
        while (b < bins.length - 1 && widths[i] > edges[b + 1])
            b++;
        bins[b].push(i);
    }
    return bins.map((rows, b) => ({
        lower: edges[b],
        upper: edges[b + 1],
        count: rows.length,
        coverage: coverageEstimate(covered, level, rows),
    }));
}
