import { TrustError } from "./errors.js";
import { tailKnots } from "./tail-transform.js";
export const UNSEEN = -1;
export const MISSING = -2;
/** A text column with more distinct values than this share of the rows is an identifier, not a feature. */
const ID_LIKE_SHARE = 0.5;
const MAX_CATEGORIES = 1000;
export function fitFeatureSpace(batch, columns, rows) {
    const n = rows.length;
    if (n < 2)
        throw new TrustError(`the reference needs at least 2 rows to learn from, got ${n}`);
    const space = { rows: n, numeric: [], categorical: [], skipped: [] };
    for (const name of columns) {
        const column = batch.columns.find((c) => c.name === name);
        if (!column)
            throw new TrustError(`no column '${name}' in the reference`);
        if (column.type === "string") {
            const counts = new Map();
            let missing = 0;
            for (let j = 0; j < n; j++) {
                const i = rows[j];
                if (!column.valid[i])
                    missing++;
                else {
                    const v = column.values[i];
                    counts.set(v, (counts.get(v) ?? 0) + 1);
                }
            }
            if (counts.size > MAX_CATEGORIES || (counts.size > 20 && counts.size > ID_LIKE_SHARE * n)) {
                space.skipped.push({ name, reason: `${counts.size} distinct values: an identifier, not a feature` });
                continue;
            }
            const categories = [...counts.keys()].sort();
            space.categorical.push({ name, categories, counts: categories.map((c) => counts.get(c)), missing });
            continue;
        }
        let count = 0;
        let mean = 0;
        let m2 = 0;
        for (let j = 0; j < n; j++) {
            const i = rows[j];
            const x = column.values[i];
            if (!column.valid[i] || !Number.isFinite(x))
                continue;
            count++;
            const d = x - mean;
            mean += d / count;
            m2 += d * (x - mean);
        }
        const sd = count > 0 ? Math.sqrt(m2 / count) : 0;
        if (!(sd > 0)) {
            space.skipped.push({
                name,
                reason: count === 0 ? "always missing in the reference" : "constant in the reference",
            });
            continue;
        }
        const distance = new Float64Array(count);
        for (let j = 0, at = 0; j < n; j++) {
            const x = column.values[rows[j]];
            if (column.valid[rows[j]] && Number.isFinite(x))
                distance[at++] = Math.abs((x - mean) / sd);
        }
        space.numeric.push({ name, mean, sd, missing: n - count, tail: tailKnots(distance) });
    }
    if (space.numeric.length + space.categorical.length === 0)
        throw new TrustError(`no usable columns to compare (${space.skipped.map((s) => `${s.name}: ${s.reason}`).join("; ") || "none given"})`);
    return space;
}
export function encodeBatch(space, batch, rows) {
    const n = rows ? rows.length : batch.length;
    const p = space.numeric.length;
    const q = space.categorical.length;
    const out = {
        n,
        z: new Float64Array(n * p),
        missing: new Uint8Array(n * p),
        codes: new Int32Array(n * q),
    };
    space.numeric.forEach((f, j) => {
        const column = batch.columns.find((c) => c.name === f.name);
        if (!column)
            throw new TrustError(`no column '${f.name}' in the rows to score`);
        const numeric = column.type !== "string";
        for (let r = 0; r < n; r++) {
            const i = rows ? rows[r] : r;
            const x = numeric ? column.values[i] : Number(column.values[i]);
            if (column.valid[i] && typeof x === "number" && Number.isFinite(x))
                out.z[r * p + j] = (x - f.mean) / f.sd;
            else
                out.missing[r * p + j] = 1;
        }
    });
    space.categorical.forEach((f, j) => {
        const column = batch.columns.find((c) => c.name === f.name);
        if (!column)
            throw new TrustError(`no column '${f.name}' in the rows to score`);
        const index = new Map(f.categories.map((c, k) => [c, k]));
        for (let r = 0; r < n; r++) {
            const i = rows ? rows[r] : r;
            out.codes[r * q + j] = column.valid[i] ? (index.get(String(column.values[i])) ?? UNSEEN) : MISSING;
        }
    });
    return out;
}
/** One row given as a plain object (what an application holds), encoded as encodeBatch would. */
export function encodeRecord(space, record) {
    const p = space.numeric.length;
    const q = space.categorical.length;
    const out = { n: 1, z: new Float64Array(p), missing: new Uint8Array(p), codes: new Int32Array(q) };
    space.numeric.forEach((f, j) => {
        const v = record[f.name];
        const x = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : Number.NaN;
        if (Number.isFinite(x))
            out.z[j] = (x - f.mean) / f.sd;
        else
            out.missing[j] = 1;
    });
    space.categorical.forEach((f, j) => {
        const v = record[f.name];
        if (v === null || v === undefined)
            out.codes[j] = MISSING;
        else {
            const k = binarySearch(f.categories, String(v));
            out.codes[j] = k >= 0 ? k : UNSEEN;
        }
    });
    return out;
}
/** Categories are sorted by code point (the order `sort()` gives), so a row can look its value up. */
function binarySearch(sorted, value) {
    let lo = 0;
    let hi = sorted.length - 1;
    while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (sorted[mid] === value)
            return mid;
        if (sorted[mid] < value)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return -1;
}
/** Numeric z-scores with missing cells at 0, and categories as their reference frequency (isolation forest input). */
export function denseMatrix(space, encoded) {
    const p = space.numeric.length;
    const q = space.categorical.length;
    const d = p + q;
    const x = new Float64Array(encoded.n * d);
    const frequency = space.categorical.map((f) => ({
        seen: f.counts.map((c) => c / space.rows),
        missing: f.missing / space.rows,
    }));
    for (let i = 0; i < encoded.n; i++) {
        for (let j = 0; j < p; j++)
            x[i * d + j] = encoded.z[i * p + j];
        for (let j = 0; j < q; j++) {
            const code = encoded.codes[i * q + j];
            x[i * d + p + j] = code >= 0 ? frequency[j].seen[code] : code === MISSING ? frequency[j].missing : 0;
        }
    }
    return { x, d };
}
