import { DEFAULT_FREQUENCY_CAPACITY, FrequencyCounter } from "../sketch/frequency.js";
import { hashNumber, hashString } from "../sketch/hash.js";
import { HyperLogLog } from "../sketch/hll.js";
import { NumericFold } from "./numeric-fold.js";
import { classify, emptyPatterns } from "./patterns.js";
export const MAX_EXAMPLES = 5;
/** A column with no values in `missing` rows: the start of a fold, or a column a batch lacks. */
export function emptyCore(name, type, missing, capacity = DEFAULT_FREQUENCY_CAPACITY) {
    return {
        name,
        type,
        count: 0,
        missing,
        nan: 0,
        posInf: 0,
        negInf: 0,
        zeros: 0,
        negatives: 0,
        min: null,
        max: null,
        moments: null,
        sketch: null,
        frequencies: { exact: true, capacity, counts: {}, error: 0 },
        hll: new HyperLogLog().serialize(),
        length: null,
        patterns: type === "string" ? emptyPatterns() : null,
        nonNumericExamples: null,
    };
}
/** Chan et al.'s pairwise combination of (n, mean, M2). */
export function combineMoments(a, b) {
    if (!a || a.n === 0)
        return b && b.n > 0 ? { ...b } : a && b ? { n: 0, mean: 0, m2: 0 } : (a ?? b);
    if (!b || b.n === 0)
        return { ...a };
    const n = a.n + b.n;
    const delta = b.mean - a.mean;
    return { n, mean: a.mean + (delta * b.n) / n, m2: a.m2 + b.m2 + (delta * delta * a.n * b.n) / n };
}
/** Accumulates one column over batches (the stream engine). */
export class ColumnAccumulator {
    info;
    count = 0;
    missing = 0;
    nan = 0;
    numbers;
    frequencies;
    hll = new HyperLogLog();
    /** Hashing into the HLL starts only when the exact frequency table first overflows. */
    hashing = false;
    lengthMin = Infinity;
    lengthMax = -Infinity;
    lengthSum = 0;
    patterns;
    nonNumeric = [];
    constructor(info, options = {}) {
        this.info = info;
        this.frequencies = new FrequencyCounter(options.frequencyCapacity);
        this.numbers = info.type === "string" ? null : new NumericFold(info.type, options.relativeAccuracy);
        this.patterns = info.type === "string" ? emptyPatterns() : null;
    }
    add(column, length) {
        if (column.type === "string")
            this.addStrings(column.values, column.valid, length);
        else
            this.addNumbers(column.values, column.valid, length);
    }
    countValue(value) {
        const freq = this.frequencies;
        if (!this.hashing && freq.counts.size === freq.capacity && !freq.counts.has(value)) {
            for (const key of freq.counts.keys())
                this.hll.addHash(typeof key === "number" ? hashNumber(key) : hashString(key));
            this.hashing = true;
        }
        freq.add(value);
        if (this.hashing)
            this.hll.addHash(typeof value === "number" ? hashNumber(value) : hashString(value));
    }
    addNumbers(values, valid, length) {
        const numbers = this.numbers;
        for (let i = 0; i < length; i++) {
            if (valid[i] === 0) {
                this.missing++;
                continue;
            }
            this.count++;
            const x = values[i];
            if (Number.isNaN(x)) {
                this.nan++;
                continue;
            }
            numbers.add(x);
            this.countValue(x);
        }
    }
    addStrings(values, valid, length) {
        const patterns = this.patterns;
        for (let i = 0; i < length; i++) {
            const v = values[i];
            if (valid[i] === 0 || v === null) {
                this.missing++;
                continue;
            }
            this.count++;
            const len = v.length;
            if (len < this.lengthMin)
                this.lengthMin = len;
            if (len > this.lengthMax)
                this.lengthMax = len;
            this.lengthSum += len;
            const kind = classify(v);
            patterns[kind]++;
            if (kind !== "integer" &&
                kind !== "float" &&
                this.nonNumeric.length < MAX_EXAMPLES &&
                !this.nonNumeric.includes(v))
                this.nonNumeric.push(v);
            this.countValue(v);
        }
    }
    core() {
        const freq = this.frequencies.toState();
        let hll = "";
        if (this.hashing)
            hll = this.hll.serialize();
        else {
            const h = new HyperLogLog();
            for (const key of this.frequencies.counts.keys())
                h.addHash(typeof key === "number" ? hashNumber(key) : hashString(key));
            hll = h.serialize();
        }
        return {
            ...emptyCore(this.info.name, this.info.type, this.missing),
            count: this.count,
            nan: this.nan,
            ...this.numbers?.state(),
            frequencies: freq,
            hll,
            length: this.info.type === "string" && this.count > 0
                ? { min: this.lengthMin, max: this.lengthMax, mean: this.lengthSum / this.count }
                : null,
            patterns: this.patterns ? { ...this.patterns } : null,
            nonNumericExamples: this.patterns ? [...this.nonNumeric] : null,
        };
    }
}
