import { sketchBuckets } from "../sketch/quantiles.js";
import { distributionOfFrequencies, distributionOfPairs } from "../stats/distribution.js";
/** The category that collects what a capped frequency table no longer lists. */
export const OTHER_CATEGORY = "(other)";
/**
 * Turns the columns of a saved profile into drift samples.
 *
 * Numeric: when the profile's frequency table is exact (at most its capacity of distinct values,
 * 2,048 by default) the distribution is rebuilt exactly from it, and every statistic equals the one
 * computed from the data. Otherwise the quantile sketch's buckets stand in for the data, each
 * bucket's count placed at the value the sketch reports for it (DDSketch: within its relative
 * accuracy, 0.5% by default; time grid: within one cell). KS, Wasserstein, PSI and JS are then
 * computed on that weighted distribution; docs/drift.md gives the error measured on flights.
 *
 * Categorical: the exact frequency table; when it was capped, the unlisted mass is one
 * "(other)" category and the sample is marked approximate.
 */
export function readProfileSamples(profile, columns) {
    const out = new Map();
    for (const { info, kind } of columns) {
        const column = profile.columns.find((c) => c.name === info.name);
        if (!column)
            continue;
        out.set(info.name, kind === "numeric" ? numericSample(column) : categoricalSample(column));
    }
    return out;
}
export function numericSample(column) {
    const nonFinite = column.nan + column.posInf + column.negInf;
    const rows = column.count + column.missing;
    const exact = column.frequencies.exact && column.type !== "string";
    if (exact)
        return {
            kind: "numeric",
            distribution: distributionOfFrequencies(column.frequencies.counts),
            missing: column.missing,
            nonFinite,
            rows,
        };
    const buckets = column.sketch ? sketchBuckets(column.sketch) : [];
    const values = [];
    const counts = [];
    for (const b of buckets) {
        if (b.count <= 0)
            continue;
        // adjacent buckets may report the same value (e.g. the zero bucket); merge them
        if (values.length > 0 && values[values.length - 1] === b.value)
            counts[counts.length - 1] += b.count;
        else {
            values.push(b.value);
            counts.push(b.count);
        }
    }
    return {
        kind: "numeric",
        distribution: distributionOfPairs(Float64Array.from(values), Float64Array.from(counts)),
        missing: column.missing,
        nonFinite,
        rows,
        approximate: true,
        sketch: column.sketch ? column.sketch : undefined,
    };
}
export function categoricalSample(column) {
    const counts = new Map();
    let listed = 0;
    for (const [key, c] of Object.entries(column.frequencies.counts)) {
        const name = column.type === "boolean" ? booleanName(key) : key;
        counts.set(name, (counts.get(name) ?? 0) + c);
        listed += c;
    }
    const approximate = !column.frequencies.exact;
    if (approximate && column.count > listed)
        counts.set(OTHER_CATEGORY, column.count - listed);
    return {
        kind: "categorical",
        counts,
        missing: column.missing,
        rows: column.count + column.missing,
        approximate,
    };
}
/** Booleans are "true"/"false" whichever engine wrote the profile (the stream engine keys them 1/0). */
function booleanName(key) {
    return key === "1" ? "true" : key === "0" ? "false" : key;
}
