/**
 * DDSketch (Masson, Rim & Lee, VLDB 2019): quantiles with a relative-error guarantee, mergeable.
 * Written here rather than taken from @datadog/sketches-js because the SQL engine must compute the very
 * same bucket keys inside DuckDB (key = ceil(ln|x| · multiplier)) and the profile stores buckets as JSON.
 */
export const DEFAULT_RELATIVE_ACCURACY = 0.005;
export const DEFAULT_MAX_BINS = 4096;
export function gammaOf(relativeAccuracy) {
    return (1 + relativeAccuracy) / (1 - relativeAccuracy);
}
/** 1 / ln(gamma): the factor that turns ln|x| into a bucket coordinate. */
export function multiplierOf(relativeAccuracy) {
    return 1 / Math.log(gammaOf(relativeAccuracy));
}
/** Bucket k holds |x| in (gamma^(k-1), gamma^k]; its representative 2·gamma^k/(gamma+1) is within α of any of them. */
export function bucketValue(key, gamma) {
    return (2 * gamma ** key) / (gamma + 1);
}
/** A bucket store capped at maxBins consecutive keys; lower keys collapse into the lowest kept key. */
export class BucketStore {
    maxBins;
    counts = new Map();
    maxKey = -Infinity;
    floorKey = -Infinity;
    constructor(maxBins) {
        this.maxBins = maxBins;
    }
    add(key, count) {
        if (key > this.maxKey) {
            this.maxKey = key;
            const floor = key - this.maxBins + 1;
            if (floor > this.floorKey)
                this.collapseBelow(floor);
        }
        if (key < this.floorKey)
            key = this.floorKey;
        this.counts.set(key, (this.counts.get(key) ?? 0) + count);
    }
    collapseBelow(floor) {
        this.floorKey = floor;
        let moved = 0;
        for (const [k, c] of this.counts) {
            if (k < floor) {
                moved += c;
                this.counts.delete(k);
            }
        }
        if (moved > 0)
            this.counts.set(floor, (this.counts.get(floor) ?? 0) + moved);
    }
    toRecord() {
        const keys = [...this.counts.keys()].sort((a, b) => a - b);
        const out = {};
        for (const k of keys)
            out[String(k)] = this.counts.get(k);
        return out;
    }
    static fromRecord(record, maxBins) {
        const store = new BucketStore(maxBins);
        for (const [k, c] of Object.entries(record))
            store.add(Number(k), c);
        return store;
    }
}
export class DDSketch {
    relativeAccuracy;
    maxBins;
    positive;
    negative;
    zeros = 0;
    multiplier;
    constructor(relativeAccuracy = DEFAULT_RELATIVE_ACCURACY, maxBins = DEFAULT_MAX_BINS) {
        this.relativeAccuracy = relativeAccuracy;
        this.maxBins = maxBins;
        if (!(relativeAccuracy > 0 && relativeAccuracy < 1))
            throw new RangeError("relative accuracy must be in (0, 1)");
        this.multiplier = multiplierOf(relativeAccuracy);
        this.positive = new BucketStore(maxBins);
        this.negative = new BucketStore(maxBins);
    }
    /** Adds a finite value (callers filter NaN and ±Inf). */
    add(x, count = 1) {
        if (x > 0)
            this.positive.add(Math.ceil(Math.log(x) * this.multiplier), count);
        else if (x < 0)
            this.negative.add(Math.ceil(Math.log(-x) * this.multiplier), count);
        else
            this.zeros += count;
    }
    merge(other) {
        if (other.relativeAccuracy !== this.relativeAccuracy)
            throw new RangeError(`cannot merge DDSketches of relative accuracy ${this.relativeAccuracy} and ${other.relativeAccuracy}`);
        for (const [k, c] of Object.entries(other.positive))
            this.positive.add(Number(k), c);
        for (const [k, c] of Object.entries(other.negative))
            this.negative.add(Number(k), c);
        this.zeros += other.zeros;
    }
    toState() {
        return {
            kind: "ddsketch",
            relativeAccuracy: this.relativeAccuracy,
            maxBins: this.maxBins,
            positive: this.positive.toRecord(),
            negative: this.negative.toRecord(),
            zeros: this.zeros,
        };
    }
    static fromState(state) {
        const sketch = new DDSketch(state.relativeAccuracy, state.maxBins);
        sketch.merge(state);
        return sketch;
    }
}
/** The sketch's buckets in ascending value order, each with the interval it covers and its count. */
export function ddBuckets(state) {
    const gamma = gammaOf(state.relativeAccuracy);
    const out = [];
    const neg = Object.entries(state.negative)
        .map(([k, c]) => [Number(k), c])
        .sort((a, b) => b[0] - a[0]);
    for (const [k, c] of neg)
        out.push({ lo: -(gamma ** k), hi: -(gamma ** (k - 1)), value: -bucketValue(k, gamma), count: c });
    if (state.zeros > 0)
        out.push({ lo: 0, hi: 0, value: 0, count: state.zeros });
    const pos = Object.entries(state.positive)
        .map(([k, c]) => [Number(k), c])
        .sort((a, b) => a[0] - b[0]);
    for (const [k, c] of pos)
        out.push({ lo: gamma ** (k - 1), hi: gamma ** k, value: bucketValue(k, gamma), count: c });
    return out;
}
