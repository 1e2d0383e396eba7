import { distributionOfPairs } from "../stats/distribution.js";
/**
 * Reads the columns drift needs from a relation, letting its engine do the heavy lifting: a numeric
 * column arrives as its distinct finite values with counts, already sorted (GROUP BY … ORDER BY),
 * a categorical one as a frequency table. A million-row integer column becomes a few hundred
 * pairs; nothing is expanded in JavaScript.
 */
export async function readColumnSamples(source, columns) {
    const out = new Map();
    if (columns.length === 0)
        return out;
    const { ident, batchValue } = source.dialect;
    // scanned once per column: a text file is parsed once into a table first
    const relation = await source.materialized();
    // One grouped scan per column gives everything: the NULL group is the missing count, NaN and ±Inf
    // are counted apart, and the counts sum to the row count (no separate counting scan).
    for (const { info, kind } of columns) {
        if (kind === "numeric") {
            const expr = batchValue(info);
            const { values, counts, missing } = await readPairs(source, `SELECT v, count(*)::DOUBLE AS c FROM (SELECT ${expr} AS v FROM ${relation}) GROUP BY v ORDER BY v NULLS FIRST`);
            let nonFinite = 0;
            let rows = missing;
            let start = 0;
            let end = values.length;
            for (let i = 0; i < values.length; i++)
                rows += counts[i];
            while (start < end && !Number.isFinite(values[start]))
                nonFinite += counts[start++];
            while (end > start && !Number.isFinite(values[end - 1]))
                nonFinite += counts[--end];
            out.set(info.name, {
                kind: "numeric",
                distribution: distributionOfPairs(values.subarray(start, end), counts.subarray(start, end)),
                missing,
                nonFinite,
                rows,
            });
        }
        else {
            const { counts, missing, rows } = await readFrequencies(source, `SELECT v, c, sum(c) OVER ()::DOUBLE AS total FROM (SELECT CAST(${ident(info.name)} AS VARCHAR) AS v, count(*)::DOUBLE AS c FROM ${relation} GROUP BY 1) ORDER BY v IS NULL DESC, c DESC, v LIMIT ${MAX_CATEGORIES + 2}`);
            const capped = counts.size > MAX_CATEGORIES;
            if (capped) {
                // keep the first MAX_CATEGORIES (the most frequent); the pooled path replaces them anyway
                const last = [...counts.keys()].pop();
                counts.delete(last);
            }
            out.set(info.name, { kind: "categorical", counts, missing, rows, highCardinality: capped });
        }
    }
    return out;
}
/** Frequency tables longer than this are cut to the most frequent categories (see pooledCategories). */
export const MAX_CATEGORIES = 10_000;
/**
 * Streams a (value DOUBLE, count DOUBLE) result ordered NULLS FIRST into typed arrays, copying whole
 * batches; a leading NULL value is returned as `missing`.
 */
async function readPairs(source, sql) {
    const valueChunks = [];
    const countChunks = [];
    let total = 0;
    let missing = 0;
    let first = true;
    for await (const chunk of source.stream(sql)) {
        const [value, count] = chunk.columns;
        let values = value.values;
        let counts = count.values;
        if (first && value.valid[0] === 0) {
            missing = counts[0];
            values = values.subarray(1);
            counts = counts.subarray(1);
        }
        first = false;
        valueChunks.push(values);
        countChunks.push(counts);
        total += values.length;
    }
    return { values: concat(valueChunks, total), counts: concat(countChunks, total), missing };
}
/** Reads (value, count, total) rows ordered with the NULL group first. */
async function readFrequencies(source, sql) {
    const counts = new Map();
    let missing = 0;
    let rows = 0;
    for await (const chunk of source.stream(sql)) {
        const values = chunk.columns[0].values;
        const c = chunk.columns[1].values;
        rows = chunk.columns[2].values[0];
        for (let i = 0; i < chunk.length; i++) {
            const v = values[i];
            if (v === null)
                missing = c[i];
            else
                counts.set(v, c[i]);
        }
    }
    return { counts, missing, rows };
}
function concat(parts, total) {
    if (parts.length === 1)
        return parts[0];
    const out = new Float64Array(total);
    let at = 0;
    for (const p of parts) {
        out.set(p, at);
        at += p.length;
    }
    return out;
}
/**
 * For a column with more than MAX_CATEGORIES categories on a side, JavaScript maps of millions of
 * strings are slow and mostly noise. The engine joins the two full frequency tables instead and returns,
 * exactly: the MAX_CATEGORIES categories most frequent over both sides, everything else pooled into
 * "(other)" on each side (a coarser but valid table for χ², JS, PSI, L∞), and the unseen-category
 * figures over all categories.
 */
export async function pooledCategories(reference, current, name, rows) {
    const [r, c] = [await reference.materialized(), await current.materialized()];
    const col = current.dialect.ident(name);
    const freq = (rel) => `SELECT CAST(${col} AS VARCHAR) AS v, count(*)::DOUBLE AS n FROM ${rel} WHERE ${col} IS NOT NULL GROUP BY 1`;
    // both sides are read through the current side's session (two relations of one engine)
    const j = `assay_pool_${Math.random().toString(36).slice(2, 10)}`;
    await current.query(`CREATE TEMP TABLE ${j} AS WITH r AS (${freq(r)}), c AS (${freq(c)})
     SELECT coalesce(r.v, c.v) AS v, coalesce(r.n, 0) AS rn, coalesce(c.n, 0) AS cn FROM r FULL JOIN c ON r.v = c.v`);
    const rowsOf = (sql) => current.query(sql);
    let top;
    let summary;
    let examples;
    let sizes;
    try {
        top = (await rowsOf(`WITH ranked AS (SELECT *, row_number() OVER (ORDER BY rn + cn DESC, v) AS k FROM ${j})
       SELECT CASE WHEN k <= ${MAX_CATEGORIES} THEN v ELSE NULL END AS v, sum(rn)::DOUBLE AS rn, sum(cn)::DOUBLE AS cn FROM ranked GROUP BY 1`));
        summary = (await rowsOf(`SELECT sum(cn) FILTER (WHERE rn = 0)::DOUBLE AS unseen, sum(rn)::DOUBLE AS n FROM ${j}`))[0];
        examples = (await rowsOf(`SELECT v, cn FROM ${j} WHERE rn = 0 ORDER BY cn DESC, v LIMIT 5`));
        sizes = (await rowsOf(`SELECT (rn + cn)::DOUBLE AS c, count(*)::DOUBLE AS k FROM ${j} GROUP BY 1 ORDER BY 1`));
    }
    finally {
        await current.query(`DROP TABLE IF EXISTS ${j}`);
    }
    const refCounts = new Map();
    const curCounts = new Map();
    for (const row of top) {
        const key = row.v ?? OTHER;
        if (row.rn > 0)
            refCounts.set(key, Number(row.rn));
        if (row.cn > 0)
            curCounts.set(key, Number(row.cn));
    }
    const unseen = {
        count: Number(summary.unseen ?? 0),
        sizes: sizes.map((s) => [Number(s.c), Number(s.k)]),
        referenceTotal: Number(summary.n ?? 0),
        examples: examples.map((e) => ({ value: String(e.v), count: Number(e.cn) })),
    };
    return [
        {
            kind: "categorical",
            counts: refCounts,
            missing: rows.reference.missing,
            rows: rows.reference.rows,
            approximate: true,
            highCardinality: true,
            pooled: true,
        },
        {
            kind: "categorical",
            counts: curCounts,
            missing: rows.current.missing,
            rows: rows.current.rows,
            approximate: true,
            highCardinality: true,
            pooled: true,
            unseen,
        },
    ];
}
const OTHER = "(other)";
