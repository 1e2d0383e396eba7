import assert from "node:assert/strict";
import { test } from "node:test";
import { queryRows } from "../../src/io/duckdb.js";
import { openSource } from "../../src/io/source.js";
import { ProfileBuilder, profileBatches } from "../../src/profile/build.js";
import { mergeProfiles } from "../../src/profile/merge.js";
import { profileSource } from "../../src/profile/sql.js";
import { fixture, vegaData } from "../helpers/cli.js";
const close = (a, b, rel = 1e-9) => a === b || (a !== null && b !== null && Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b)));
function assertClose(actual, expected, what, rel = 1e-9) {
    assert.ok(close(actual, expected, rel), `${what}: ${actual} vs ${expected}`);
}
/** Counts and moments exactly (to float rounding), frequency tables exactly when exact, sketches by bound. */
function assertSameProfile(actual, expected) {
    assert.equal(actual.rows, expected.rows);
    assert.deepEqual(actual.columns.map((c) => c.name), expected.columns.map((c) => c.name));
    actual.columns.forEach((a, i) => assertSameColumn(a, expected.columns[i]));
}
function assertSameColumn(a, e) {
    const where = `column ${a.name}`;
    for (const key of ["count", "missing", "nan", "posInf", "negInf", "zeros", "negatives"])
        assert.equal(a[key], e[key], `${where}.${key}`);
    assert.equal(a.type, e.type, `${where}.type`);
    assertClose(a.min, e.min, `${where}.min`);
    assertClose(a.max, e.max, `${where}.max`);
    assertClose(a.mean, e.mean, `${where}.mean`);
    assertClose(a.std, e.std, `${where}.std`);
    assert.equal(a.frequencies.exact, e.frequencies.exact, `${where}.frequencies.exact`);
    if (a.frequencies.exact) {
        assert.deepEqual(a.frequencies.counts, e.frequencies.counts, `${where}.frequencies`);
        assert.equal(a.distinct, e.distinct, `${where}.distinct`);
        assert.deepEqual(a.quantiles, e.quantiles, `${where}.quantiles`);
        assert.deepEqual(a.histogram, e.histogram, `${where}.histogram`);
    }
    else {
        assert.ok(Math.abs(a.distinct / e.distinct - 1) < 4 * 0.01625, `${where}.distinct ${a.distinct} vs ${e.distinct}`);
    }
    assert.deepEqual(a.patterns, e.patterns, `${where}.patterns`);
    if (a.length && e.length)
        assertClose(a.length.mean, e.length.mean, `${where}.length.mean`);
}
async function readAll(path) {
    const source = await openSource({ path });
    const batches = [];
    for await (const b of source.batches())
        batches.push(b);
    const builder = new ProfileBuilder(source.columns);
    for (const b of batches)
        builder.add(b);
    return { batches, profile: builder.finish({ name: source.name, digest: "" }) };
}
/** Splits a list of batches into two tables at row `at`. */
function splitAt(batches, at) {
    const left = [];
    const right = [];
    for (const b of batches) {
        if (b.offset + b.length <= at)
            left.push(b);
        else if (b.offset >= at)
            right.push(b);
        else {
            const cut = at - b.offset;
            const slice = (from, to) => ({
                length: to - from,
                offset: b.offset + from,
                columns: b.columns.map((c) => c.type === "string"
                    ? { ...c, values: c.values.slice(from, to), valid: c.valid.slice(from, to) }
                    : { ...c, values: c.values.slice(from, to), valid: c.valid.slice(from, to) }),
            });
            left.push(slice(0, cut));
            right.push(slice(cut, b.length));
        }
    }
    return [left, right];
}
test("merge(profile(A), profile(B)) = profile(A ∪ B) at random split points of real data", async () => {
    let seed = 7;
    const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (const path of [fixture("adult", "adult_train.csv"), vegaData("flights-200k.arrow")]) {
        const { batches, profile } = await readAll(path);
        const source = await openSource({ path });
        for (let trial = 0; trial < 3; trial++) {
            const at = Math.floor(next() * profile.rows);
            const [left, right] = splitAt(batches, at);
            const a = new ProfileBuilder(source.columns);
            left.forEach((b) => a.add(b));
            const b = new ProfileBuilder(source.columns);
            right.forEach((x) => b.add(x));
            const merged = mergeProfiles(a.finish({ name: "a", digest: "" }), b.finish({ name: "b", digest: "" }));
            assertSameProfile(merged, profile);
            // the sketches themselves are identical, not just the quantiles read from them
            merged.columns.forEach((c, i) => assert.deepEqual(c.sketch, profile.columns[i].sketch, `${c.name} sketch`));
        }
    }
});
test("the SQL engine and the stream engine compute the same profile", async () => {
    for (const path of [
        fixture("adult", "adult_test.csv"),
        vegaData("flights-2k.json"),
        vegaData("flights-200k.arrow"),
    ]) {
        const source = await openSource({ path });
        const sql = await profileSource(source);
        const stream = await profileBatches(source.columns, source.batches(), { name: source.name, digest: "" });
        assertSameProfile(sql, stream);
        sql.columns.forEach((c, i) => assert.deepEqual(c.sketch, stream.columns[i].sketch, `${path} ${c.name} sketch`));
    }
});
test("flights-3m: counts, moments and extremes equal DuckDB's exact SQL; quantiles within the sketch bound", async () => {
    const path = vegaData("flights-3m.parquet");
    const source = await openSource({ path });
    const profile = await profileSource(source);
    const rel = `read_parquet('${path}')`;
    const [truth] = await queryRows(source.conn, `SELECT count(*)::DOUBLE AS n, avg(delay) AS dmean, stddev_samp(delay) AS dstd, min(delay)::DOUBLE AS dmin, max(delay)::DOUBLE AS dmax,
            count(DISTINCT delay)::DOUBLE AS ddistinct, avg(distance) AS smean, stddev_samp(distance) AS sstd,
            count(DISTINCT origin)::DOUBLE AS odistinct, count(DISTINCT date)::DOUBLE AS tdistinct,
            quantile_cont(delay, [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99]) AS dq,
            quantile_disc(epoch_ms(date)::DOUBLE, [0.01, 0.5, 0.99]) AS tq
     FROM ${rel}`);
    const col = (name) => profile.columns.find((c) => c.name === name);
    assert.equal(profile.rows, truth.n);
    assertClose(col("delay").mean, truth.dmean, "delay mean", 1e-12);
    assertClose(col("delay").std, truth.dstd, "delay std", 1e-12);
    assert.equal(col("delay").min, truth.dmin);
    assert.equal(col("delay").max, truth.dmax);
    assert.equal(col("delay").distinct, truth.ddistinct);
    assertClose(col("distance").mean, truth.smean, "distance mean", 1e-12);
    assertClose(col("distance").std, truth.sstd, "distance std", 1e-12);
    assert.equal(col("origin").distinct, truth.odistinct);
    assert.equal(col("date").distinct, truth.tdistinct); // counted exactly by the SQL engine
    // delay has < 2048 distinct values, so its quantiles are exact (linear interpolation, as DuckDB's quantile_cont)
    const dq = truth.dq;
    ["0.01", "0.05", "0.25", "0.5", "0.75", "0.95", "0.99"].forEach((q, i) => assert.equal(col("delay").quantiles[q], dq[i], `delay q${q}`));
    // date has 213k distinct values: the time grid's quantile is within one cell of the order statistic
    const date = col("date");
    const width = date.sketch.width;
    const tq = truth.tq;
    ["0.01", "0.5", "0.99"].forEach((q, i) => assert.ok(Math.abs(date.quantiles[q] - tq[i]) <= width, `date q${q}: ${date.quantiles[q]} vs ${tq[i]} (cell ${width} ms)`));
});
test("a string column of numbers and a mixed column are reported, not coerced", async () => {
    const rows = [
        { code: "12", mixed: "1.5", word: "a" },
        { code: "7", mixed: "2", word: "b" },
        { code: "-3", mixed: "n/a", word: "c" },
    ];
    const columns = [
        { name: "code", type: "string", sourceType: "VARCHAR" },
        { name: "mixed", type: "string", sourceType: "VARCHAR" },
        { name: "word", type: "string", sourceType: "VARCHAR" },
    ];
    const { batchFromRows } = await import("../../src/table/types.js");
    const profile = await profileBatches(columns, [batchFromRows(columns, rows)], { name: "t", digest: "" });
    assert.deepEqual(profile.columns[0].inferred, { type: "integer", issue: "numbers_as_strings" });
    assert.deepEqual(profile.columns[1].inferred, { type: "float", issue: "mixed_types" });
    assert.deepEqual(profile.columns[2].inferred, { type: "string", issue: null });
});
