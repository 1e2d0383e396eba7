import { DEFAULT_FREQUENCY_CAPACITY } from "../sketch/frequency.js";
import { hashNumber, hashString } from "../sketch/hash.js";
import { HyperLogLog } from "../sketch/hll.js";
import { emptyCore, MAX_EXAMPLES } from "./column.js";
import { finalizeColumn } from "./finalize.js";
import { NumericFold } from "./numeric-fold.js";
import { classify, emptyPatterns, inferFromPatterns, PATTERNS } from "./patterns.js";
import { PROFILE_FORMAT, PROFILE_VERSION } from "./types.js";
/**
 * The SQL push-down engine. The relation's engine (DuckDB for files) does the scanning and grouping — one GROUP BY per column, streaming
 * every distinct value once with its exact count — and the groups are folded into the profile in JS by
 * the same sketch, pattern and moment code the stream engine runs. So the two engines agree value for
 * value, the data is scanned once per column, and the JS work is proportional to the number of distinct
 * values rather than rows. Distinct counts are exact; the top values are an exact top-k.
 */
export async function profileSource(source, options = {}) {
    const { ident, batchValue } = source.dialect;
    const columns = options.columns
        ? source.columns.filter((c) => options.columns.includes(c.name))
        : source.columns;
    const exprs = columns.map((c) => `${batchValue(c)} AS ${ident(c.name)}`).join(", ");
    const base = `(SELECT ${exprs || "1 AS __none"} FROM ${source.sql})`;
    const digest = source.digest();
    const counts = `SELECT count(*)::DOUBLE AS __rows${columns.map((c, i) => `, count(${ident(c.name)})::DOUBLE AS c${i}`).join("")} FROM ${base}`;
    const [row] = await source.query(counts);
    const rows = row.__rows;
    const cores = [];
    for (const [i, column] of columns.entries()) {
        cores.push(await columnCore(source, base, column, rows, row[`c${i}`]));
        options.onStep?.(i + 1, columns.length);
    }
    return {
        format: PROFILE_FORMAT,
        version: PROFILE_VERSION,
        engine: "sql",
        source: { name: source.name, digest: await digest },
        rows,
        columns: cores.map(finalizeColumn),
    };
}
async function columnCore(source, base, column, rows, count) {
    const numeric = column.type !== "string";
    const c = source.dialect.ident(column.name);
    const capacity = DEFAULT_FREQUENCY_CAPACITY;
    const valueFilter = numeric ? `${c} IS NOT NULL AND NOT isnan(${c})` : `${c} IS NOT NULL`;
    const hll = new HyperLogLog();
    const hash = numeric ? (v) => hashNumber(v) : (v) => hashString(v);
    let groups = [];
    let distinct = 0;
    const numericFold = column.type === "string" ? null : new NumericFold(column.type);
    const stringFold = numeric ? null : new StringFold();
    for await (const chunk of source.stream(`SELECT ${c} AS v, count(*)::DOUBLE AS n FROM ${base} WHERE ${valueFilter} GROUP BY ${c}`)) {
        const values = chunk.columns[0].values;
        const ns = chunk.columns[1].values;
        for (let r = 0; r < chunk.length; r++) {
            const v = values[r];
            const n = ns[r];
            groups.push([v, n]);
            hll.addHash(hash(v));
            if (numericFold)
                numericFold.add(v, n);
            else
                stringFold.add(v, n);
        }
        distinct += chunk.length;
        // Every group arrives once with its exact count, so keeping the largest is an exact top-k.
        if (groups.length > 64 * capacity)
            groups = largest(groups, capacity / 2);
    }
    const exact = distinct <= capacity;
    const kept = exact ? groups : largest(groups, capacity / 2);
    const frequencyCounts = {};
    for (const [v, n] of exact ? [...kept].sort(byCountThenValue) : kept)
        frequencyCounts[String(v)] = n;
    const core = {
        ...emptyCore(column.name, column.type, rows - count, capacity),
        count,
        frequencies: { exact, capacity, counts: frequencyCounts, error: 0 },
        hll: hll.serialize(),
    };
    if (!exact)
        core.exactDistinct = distinct;
    // NaN is the one present value the grouped table leaves out: it is what the listed counts miss
    if (numericFold)
        Object.assign(core, { nan: count - numericFold.listed, ...numericFold.state() });
    else {
        Object.assign(core, stringFold.result());
        core.nonNumericExamples =
            core.patterns && inferFromPatterns(core.patterns).issue === "mixed_types"
                ? await nonNumericExamples(source, base, column)
                : [];
    }
    return core;
}
/** The k most frequent groups, most frequent first, ties by value: a typed-array threshold, then a small sort. */
function largest(groups, k) {
    if (groups.length > k) {
        const counts = Float64Array.from(groups, (g) => g[1]).sort();
        const threshold = counts[counts.length - k];
        const above = groups.filter((g) => g[1] > threshold);
        const ties = groups.filter((g) => g[1] === threshold).sort(byCountThenValue);
        groups = above.concat(ties.slice(0, k - above.length));
    }
    return groups.sort(byCountThenValue).slice(0, k);
}
function byCountThenValue(a, b) {
    if (a[1] !== b[1])
        return b[1] - a[1];
    if (typeof a[0] === "number" && typeof b[0] === "number")
        return a[0] - b[0];
    return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}
class StringFold {
    patterns = emptyPatterns();
    lmin = Infinity;
    lmax = -Infinity;
    lsum = 0;
    total = 0;
    add(v, c) {
        this.patterns[classify(v)] += c;
        if (v.length < this.lmin)
            this.lmin = v.length;
        if (v.length > this.lmax)
            this.lmax = v.length;
        this.lsum += v.length * c;
        this.total += c;
    }
    result() {
        return {
            patterns: { ...this.patterns },
            length: this.total > 0 ? { min: this.lmin, max: this.lmax, mean: this.lsum / this.total } : null,
        };
    }
}
/** The first few distinct non-numeric values in table order, as the stream engine keeps them. */
async function nonNumericExamples(source, base, column) {
    const c = source.dialect.ident(column.name);
    const numeric = PATTERNS.filter(([name]) => name === "integer" || name === "float")
        .map(([, pattern]) => `regexp_matches(${c}, ${source.dialect.string(pattern)})`)
        .join(" OR ");
    const rows = await source.query(`SELECT v FROM (SELECT ${c} AS v, min(rn) AS first FROM (SELECT ${c}, row_number() OVER () AS rn FROM ${base}
       WHERE ${c} IS NOT NULL AND NOT (${numeric})) GROUP BY ${c} ORDER BY first LIMIT ${MAX_EXAMPLES})`);
    return rows.map((r) => String(r.v));
}
