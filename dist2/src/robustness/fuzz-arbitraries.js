/**
 * What `assay fuzz` generates per column, from the data contract (../schema/types.ts): values that are
 * valid (inside the range, in the domain), at the boundaries (the range's ends, the reference
 * quantiles, 0, the rarest categories), and slightly invalid (just outside the range, extreme
 * magnitudes, NaN and ±∞, unseen categories, the empty string, missing where the contract does not
 * allow it). A column is a weighted list of parts, written once as data and used two ways:
 *   - `rowArbitrary`: a fast-check record of weighted `oneof`s (valid first, with cross-shrinking), so
 *     fast-check shrinks a failing row towards valid, simple values and keeps only what fails;
 *   - `decodeColumn`: the same distribution drawn a column at a time from a seeded uniform source,
 *     which is far cheaper than building rows of `oneof`s (5.7 µs per adult row; fast-check arrays of
 *     raw integers, tried next, still 1.2 µs; the seeded source 0.05 µs) and lets the search keep pace
 *     with a fast model.
 */
import * as fc from "fast-check";
import { seededRandom } from "../stats/random.js";
/** Missing values count as allowed when the contract tolerates at least 0.1% of them. */
export function missingAllowed(c) {
    return !c.required || c.missing >= 0.001;
}
export function columnParts(c, invalidShare = 0.1) {
    const parts = c.type === "string" ? textParts(c, invalidShare) : numberParts(c, invalidShare);
    if (missingAllowed(c))
        parts.push({ kind: "constants", values: [null], weight: 5 });
    return parts.filter((p) => p.weight > 0);
}
function numberParts(c, invalidShare) {
    const integer = c.type === "integer" || c.type === "boolean";
    const min = c.type === "boolean" ? 0 : (c.range?.min ?? null);
    const max = c.type === "boolean" ? 1 : (c.range?.max ?? null);
    const lo = min ?? (max !== null ? Math.min(0, max) - 1e6 : -1e6);
    const hi = max ?? (min !== null ? Math.max(0, min) + 1e6 : 1e6);
    const boundary = new Set([lo, hi]);
    if (lo <= 0 && 0 <= hi)
        boundary.add(0);
    for (const q of Object.values(c.reference?.quantiles ?? {}))
        if (Number.isFinite(q))
            boundary.add(q);
    const step = integer ? 1 : Math.max(Math.abs(hi - lo) * 1e-6, Number.EPSILON);
    const invalid = new Set();
    if (min !== null)
        invalid.add(min - step);
    if (max !== null)
        invalid.add(max + step);
    if (!(lo <= 0 && 0 <= hi))
        invalid.add(0);
    for (const x of [-1e300, 1e300, -Number.MAX_VALUE, Number.MAX_VALUE])
        if (x < lo || x > hi)
            invalid.add(x);
    if (!integer)
        for (const x of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])
            invalid.add(x);
    const weight = Math.round(100 * invalidShare);
    return [
        integer
            ? { kind: "integer", min: Math.ceil(lo), max: Math.floor(hi), weight: 60 }
            : { kind: "double", min: lo, max: hi, weight: 60 },
        { kind: "constants", values: [...boundary].sort((a, b) => a - b), weight: 25 },
        { kind: "constants", values: [...invalid], weight },
        { kind: "constants", values: [null], weight: missingAllowed(c) ? 0 : Math.round(weight / 4) },
    ];
}
function textParts(c, invalidShare) {
    const domain = Object.entries(c.domain?.values ?? {}).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const weight = Math.round(100 * invalidShare);
    const parts = [];
    if (domain.length > 0) {
        parts.push({ kind: "constants", values: domain.map(([v]) => v), weight: 60 });
        // The rarest categories: where a model has seen least and an encoder may have no slot.
        parts.push({ kind: "constants", values: domain.slice(-3).map(([v]) => v), weight: 20 });
        parts.push({
            kind: "constants",
            values: ["", "unseen-category", domain[0][0].toUpperCase(), ` ${domain[0][0]} `],
            weight,
        });
        parts.push({ kind: "string", maxLength: 20, weight: Math.round(weight / 2) });
    }
    else {
        parts.push({ kind: "string", maxLength: 40, weight: 60 });
        parts.push({
            kind: "constants",
            values: ["", " ", "a".repeat(10_000), "😀", "NULL"],
            weight: 20 + weight,
        });
    }
    parts.push({ kind: "constants", values: [null], weight: missingAllowed(c) ? 0 : Math.round(weight / 4) });
    return parts;
}
function partArbitrary(part) {
    switch (part.kind) {
        case "integer":
            return fc.integer({ min: part.min, max: part.max });
        case "double":
            return fc.double({ min: part.min, max: part.max, noNaN: true, noDefaultInfinity: true });
        case "constants":
            return part.values.length === 1 ? fc.constant(part.values[0]) : fc.constantFrom(...part.values);
        case "string":
            return fc.string({ maxLength: part.maxLength });
    }
}
/** The row arbitrary fast-check shrinks with. */
export function rowArbitrary(columns, invalidShare = 0.1) {
    const model = {};
    for (const c of columns) {
        const parts = columnParts(c, invalidShare);
        // Cross-shrinking lets a failing value shrink into the earlier (valid, simpler) parts.
        model[c.name] = fc.oneof({ withCrossShrink: true }, ...parts.map((p) => ({ arbitrary: partArbitrary(p), weight: p.weight })));
    }
    return fc.record(model);
}
const TWO_32 = 4294967296;
const CHARS = [..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,-_'é中😀"];
/** One column of `rows` values with the distribution of the parts, read from the raw draws. */
export function decodeColumn(c, parts, random, rows) {
    const valid = new Uint8Array(rows);
    // Part k is picked when the first draw is below cut[k] (weights scaled to 2³²).
    const total = parts.reduce((s, p) => s + p.weight, 0);
    let sum = 0;
    const cut = Float64Array.from(parts, (p) => ((sum += p.weight) / total) * TWO_32);
    cut[cut.length - 1] = TWO_32;
    if (c.type === "string") {
        const strings = new Array(rows);
        for (let i = 0; i < rows; i++) {
            const pick = random.nextUint32();
            let k = 0;
            while (pick >= cut[k])
                k++;
            const part = parts[k];
            const u = random.nextUint32();
            const value = part.kind === "constants"
                ? part.values[u % part.values.length]
                : randomString(u, part.kind === "string" ? part.maxLength : 20);
            strings[i] = value === null ? null : String(value);
            valid[i] = value === null ? 0 : 1;
        }
        return { name: c.name, type: "string", values: strings, valid };
    }
    // Numbers: a monomorphic loop over typed arrays (the generic loop ran 6× slower).
    const kind = Uint8Array.from(parts, (p) => (p.kind === "integer" ? 0 : p.kind === "double" ? 1 : 2));
    const low = Float64Array.from(parts, (p) => (p.kind === "integer" || p.kind === "double" ? p.min : 0));
    const span = Float64Array.from(parts, (p) => p.kind === "integer" ? p.max - p.min + 1 : p.kind === "double" ? p.max - p.min : 0);
    const constants = parts.map((p) => p.kind === "constants"
        ? Float64Array.from(p.values, (v) => (v === null ? Number.NaN : Number(v)))
        : new Float64Array(0));
    const isNull = parts.map((p) => p.kind === "constants" ? Uint8Array.from(p.values, (v) => (v === null ? 1 : 0)) : new Uint8Array(0));
    const numbers = new Float64Array(rows);
    for (let i = 0; i < rows; i++) {
        const pick = random.nextUint32();
        let k = 0;
        while (pick >= cut[k])
            k++;
        const u = random.nextUint32();
        const kk = kind[k];
        if (kk === 0)
            numbers[i] = low[k] + Math.floor((u / TWO_32) * span[k]);
        else if (kk === 1)
            numbers[i] = low[k] + (u / TWO_32) * span[k];
        else {
            const j = u % constants[k].length;
            if (isNull[k][j])
                continue;
            numbers[i] = constants[k][j];
        }
        valid[i] = 1;
    }
    return { name: c.name, type: c.type, values: numbers, valid };
}
function randomString(seed, maxLength) {
    let s = seed >>> 0 || 1;
    const length = s % (maxLength + 1);
    let out = "";
    for (let j = 0; j < length; j++) {
        s ^= s << 13;
        s ^= s >>> 17;
        s ^= s << 5;
        s >>>= 0;
        out += CHARS[s % CHARS.length];
    }
    return out;
}
/**
 * `rows` rows drawn from the contract's columns, as one batch: fast-check draws the batch's seed from
 * `seed`, and the project's seeded source (../stats/random.ts) the values, because fast-check's cost
 * per value (0.1 µs) is many times a small model's cost per row (bench/robustness.ts).
 */
export function generateRows(columns, rows, seed, invalidShare = 0.1, offset = 0) {
    const parts = columns.map((c) => columnParts(c, invalidShare));
    const [batchSeed] = fc.sample(fc.nat(), { numRuns: 1, seed: seed | 0 });
    const random = seededRandom(batchSeed);
    return { length: rows, offset, columns: columns.map((c, j) => decodeColumn(c, parts[j], random, rows)) };
}
