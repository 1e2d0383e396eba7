import { findColumn } from "../../features.js";
import { ModelError } from "../../model.js";
export const MISSING = 255;
export function learnBinning(batch, features, maxBins = 255) {
    return features.map((name) => {
        const c = findColumn(batch, name);
        if (c.type === "string") {
            const counts = new Map();
            for (let i = 0; i < batch.length; i++) {
                const v = c.values[i];
                if (c.valid[i] && v !== null)
                    counts.set(v, (counts.get(v) ?? 0) + 1);
            }
            const categories = [...counts.entries()]
                .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
                .slice(0, maxBins)
                .map(([v]) => v);
            return { name, kind: "categorical", categories };
        }
        const finite = [];
        for (let i = 0; i < batch.length; i++) {
            const v = c.values[i];
            if (c.valid[i] && Number.isFinite(v))
                finite.push(v);
        }
        return { name, kind: "numeric", edges: numericEdges(Float64Array.from(finite).sort(), maxBins) };
    });
}
/** Upper bin edges of sorted finite values: midpoints of distinct values, or interior quantiles. */
export function numericEdges(sorted, maxBins) {
    const distinct = [];
    for (let i = 0; i < sorted.length; i++)
        if (i === 0 || sorted[i] !== sorted[i - 1])
            distinct.push(sorted[i]);
    if (distinct.length <= maxBins) {
        const edges = [];
        for (let k = 1; k < distinct.length; k++)
            edges.push(distinct[k - 1] + (distinct[k] - distinct[k - 1]) / 2);
        return edges;
    }
    const edges = [];
    const n = sorted.length;
    for (let k = 1; k < maxBins; k++) {
        const at = (k / maxBins) * (n - 1);
        const lo = Math.floor(at);
        const hi = Math.min(lo + 1, n - 1);
        const q = sorted[lo] + (at - lo) * (sorted[hi] - sorted[lo]);
        // The largest value never becomes an edge: values equal to it would have no bin above.
        if (q < sorted[n - 1] && (edges.length === 0 || q > edges[edges.length - 1]))
            edges.push(q);
    }
    return edges;
}
/** Number of value bins of a feature (the MISSING bin is extra). */
export function binCount(f) {
    return f.kind === "numeric" ? f.edges.length + 1 : f.categories.length;
}
/**
 * Bins every feature of a batch into one row-major matrix: out[i·p + j] is row i's bin of feature j
 * (a row's bins side by side, so one pass over a node's rows fills every feature's histogram).
 */
export function applyBinning(batch, binning) {
    const p = binning.length;
    const out = new Uint8Array(batch.length * p);
    binning.forEach((f, j) => {
        const c = findColumn(batch, f.name);
        if (f.kind === "categorical") {
            const slot = new Map(f.categories.map((v, k) => [v, k]));
            for (let i = 0; i < batch.length; i++) {
                const k = c.valid[i] ? slot.get(String(c.values[i])) : undefined;
                out[i * p + j] = k === undefined ? MISSING : k;
            }
            return;
        }
        if (c.type === "string")
            throw new ModelError(`feature '${f.name}' was numeric in training and is text here`);
        const edges = Float64Array.from(f.edges);
        for (let i = 0; i < batch.length; i++) {
            const v = c.values[i];
            if (!c.valid[i] || Number.isNaN(v)) {
                out[i * p + j] = MISSING;
                continue;
            }
            let lo = 0;
            let hi = edges.length;
            while (lo < hi) {
                const mid = (lo + hi) >>> 1;
                if (edges[mid] < v)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            out[i * p + j] = lo;
        }
    });
    return out;
}
