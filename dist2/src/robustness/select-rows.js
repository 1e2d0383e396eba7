/**
 * The rows a test runs on: the data rows matching `where` (all of them without one), or the suite's own
 * explicit rows, then at most `sample` of them drawn without replacement from the seeded source (kept
 * in data order, so failing examples read top to bottom).
 */
import { takeRows } from "../model/features.js";
import { InputError } from "../table/errors.js";
import { batchFromRows } from "../table/types.js";
export function selectRows(data, filter, random) {
    let base = data;
    if (filter.rows !== null) {
        const infos = data.columns.map((c) => ({ name: c.name, type: c.type, sourceType: c.type }));
        for (const row of filter.rows)
            for (const key of Object.keys(row))
                if (!data.columns.some((c) => c.name === key))
                    throw new InputError(`rows: no column '${key}' in the data (columns: ${data.columns.map((c) => c.name).join(", ")})`);
        base = batchFromRows(infos, filter.rows);
    }
    const keep = [];
    const clauses = Object.entries(filter.where).map(([name, clause]) => {
        const column = base.columns.find((c) => c.name === name);
        if (!column)
            throw new InputError(`where: no column '${name}' (columns: ${base.columns.map((c) => c.name).join(", ")})`);
        return { column, clause };
    });
    for (let i = 0; i < base.length; i++)
        if (clauses.every(({ column, clause }) => matches(column.values[i], column.valid[i] === 1, clause)))
            keep.push(i);
    let rows = Uint32Array.from(keep);
    if (rows.length > filter.sample)
        rows = sampleSorted(rows, filter.sample, random);
    return rows.length === base.length ? base : takeRows(base, rows);
}
function matches(value, valid, clause) {
    if (!valid)
        return false;
    if (clause.kind === "range") {
        const x = value;
        if (typeof x !== "number")
            return false;
        return (clause.min === null || x >= clause.min) && (clause.max === null || x <= clause.max);
    }
    return clause.values.some((v) => typeof value === "number"
        ? (typeof v === "boolean" ? Number(v) : Number(v)) === value
        : String(v) === value);
}
/** k of the rows without replacement (a partial Fisher–Yates), returned in ascending order. */
function sampleSorted(rows, k, random) {
    const pool = rows.slice();
    for (let i = 0; i < k; i++) {
        const j = i + random.below(pool.length - i);
        [pool[i], pool[j]] = [pool[j], pool[i]];
    }
    return pool.subarray(0, k).sort();
}
