import { bucketValue, gammaOf, multiplierOf } from "../sketch/ddsketch.js";
import { OTHER_CATEGORY } from "./profile-samples.js";
/**
 * When one side of a numeric column is a quantile sketch, the other side is put through the same
 * buckets before comparing: otherwise every value of the exact side sits up to half a bucket away
 * from the sketched side's representative values, and KS would see that rounding as a CDF gap of up
 * to one bucket's mass. With both sides bucketed alike the statistics differ from the exact ones only
 * by what the buckets hide (measured on flights in docs/drift.md). Re-bucketing a bucketed side is
 * the identity.
 */
export function alignToSketch(reference, current) {
    const sketch = coarser(reference.sketch, current.sketch);
    if (!sketch)
        return [reference, current];
    return [
        { ...reference, distribution: discretize(reference.distribution, sketch), approximate: true, sketch },
        { ...current, distribution: discretize(current.distribution, sketch), approximate: true, sketch },
    ];
}
function coarser(a, b) {
    if (!a || !b)
        return a ?? b;
    if (a.kind === "grid" && b.kind === "grid")
        return a.width >= b.width ? a : b;
    if (a.kind === "ddsketch" && b.kind === "ddsketch")
        return a.relativeAccuracy >= b.relativeAccuracy ? a : b;
    return a;
}
/** Moves every value to the representative value of its sketch bucket and merges equal values. */
export function discretize(d, sketch) {
    const s = sketch;
    const map = s.kind === "grid"
        ? (x) => (Math.floor(x / s.width) + 0.5) * s.width
        : (() => {
            const gamma = gammaOf(s.relativeAccuracy);
            const multiplier = multiplierOf(s.relativeAccuracy);
            return (x) => x === 0 ? 0 : Math.sign(x) * bucketValue(Math.ceil(Math.log(Math.abs(x)) * multiplier), gamma);
        })();
    const values = [];
    const counts = [];
    for (let i = 0; i < d.values.length; i++) {
        const v = map(d.values[i]);
        if (values.length > 0 && values[values.length - 1] === v)
            counts[counts.length - 1] += d.counts[i];
        else {
            values.push(v);
            counts.push(d.counts[i]);
        }
    }
    return { values: Float64Array.from(values), counts: Float64Array.from(counts), total: d.total };
}
/**
 * When a side's frequency table was capped (it lists only the most frequent categories and one
 * "(other)"), the other side's categories outside that list are pooled into "(other)" too, so the
 * comparison is between like tables. With both sides capped, only categories listed on both stay.
 */
export function alignCategories(reference, current) {
    if (!reference.approximate && !current.approximate)
        return [reference, current];
    if (reference.pooled && current.pooled)
        return [reference, current];
    const listed = (s) => new Set([...s.counts.keys()].filter((k) => k !== OTHER_CATEGORY));
    let keep;
    if (reference.approximate && current.approximate) {
        const b = listed(current);
        keep = new Set([...listed(reference)].filter((k) => b.has(k)));
    }
    else
        keep = listed(reference.approximate ? reference : current);
    const pool = (s) => {
        const counts = new Map();
        let other = 0;
        for (const [k, c] of s.counts) {
            if (keep.has(k))
                counts.set(k, c);
            else
                other += c;
        }
        if (other > 0)
            counts.set(OTHER_CATEGORY, other);
        return { ...s, counts, approximate: true };
    };
    return [pool(reference), pool(current)];
}
