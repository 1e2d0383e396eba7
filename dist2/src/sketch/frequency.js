/**
 * Value counts that are exact up to `capacity` distinct values, then a batched Space-Saving summary
 * (Metwally et al. 2005): when the table reaches the capacity it keeps the largest half; a value that enters
 * afterwards starts at the largest count evicted so far, so every listed count overestimates by at most
 * `error` and every unlisted value occurs at most `error` times.
 */
export const DEFAULT_FREQUENCY_CAPACITY = 2048;
export class FrequencyCounter {
    capacity;
    counts = new Map();
    exact = true;
    error = 0;
    constructor(capacity = DEFAULT_FREQUENCY_CAPACITY) {
        this.capacity = capacity;
    }
    add(value, count = 1) {
        const c = this.counts.get(value);
        if (c !== undefined)
            this.counts.set(value, c + count);
        else {
            this.counts.set(value, this.error + count);
            if (this.counts.size > this.capacity)
                this.prune();
        }
    }
    prune() {
        this.exact = false;
        const keep = Math.floor(this.capacity / 2);
        const sorted = [...this.counts].sort((a, b) => b[1] - a[1]);
        this.error = Math.max(this.error, sorted[keep][1]);
        this.counts.clear();
        for (let i = 0; i < keep; i++)
            this.counts.set(sorted[i][0], sorted[i][1]);
    }
    /** Most frequent first; ties broken by value so output is deterministic. */
    top(k) {
        return [...this.counts]
            .sort((a, b) => b[1] - a[1] || compareValues(a[0], b[0]))
            .slice(0, k)
            .map(([value, count]) => ({ value, count }));
    }
    toState() {
        const counts = {};
        for (const { value, count } of this.top(this.counts.size))
            counts[String(value)] = count;
        return { exact: this.exact, capacity: this.capacity, counts, error: this.error };
    }
}
function compareValues(a, b) {
    if (typeof a === "number" && typeof b === "number")
        return a - b;
    return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}
/** Merges two states; exact stays exact while the union fits in the capacity. */
export function mergeFrequencies(a, b) {
    const capacity = Math.max(a.capacity, b.capacity);
    const counts = new Map();
    for (const [k, c] of Object.entries(a.counts))
        counts.set(k, c);
    for (const [k, c] of Object.entries(b.counts))
        counts.set(k, (counts.get(k) ?? 0) + c);
    // A value missing from an inexact side may still have occurred there up to that side's bound.
    const error = (a.exact ? 0 : boundOf(a)) + (b.exact ? 0 : boundOf(b));
    return frequencyState(counts, capacity, a.exact && b.exact, error);
}
/** Summed counts as a state: past the capacity, the largest half is kept and the rest bounds the error. */
export function frequencyState(counts, capacity, exact, error) {
    let entries = [...counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
    if (entries.length > capacity) {
        const keep = Math.floor(capacity / 2);
        error = Math.max(error, entries[keep][1]);
        entries = entries.slice(0, keep);
        exact = false;
    }
    const out = {};
    for (const [k, c] of entries)
        out[k] = c;
    return { exact, capacity, counts: out, error: exact ? 0 : error };
}
/** The largest count an unlisted value can have in an inexact state. */
export function boundOf(state) {
    if (state.exact)
        return 0;
    const values = Object.values(state.counts);
    const smallest = values.length > 0 ? Math.min(...values) : 0;
    return Math.max(state.error, smallest);
}
