import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { openSource } from "../../src/io/source.js";
import { profileSource } from "../../src/profile/sql.js";
import { InputError } from "../../src/table/errors.js";
import { vegaData } from "../helpers/cli.js";
const dir = mkdtempSync(join(tmpdir(), "assay-source-"));
async function all(batches) {
    const out = [];
    for await (const b of batches)
        out.push(b);
    return out;
}
test("stream: a query's result as batches typed by the result (DOUBLE, BIGINT, TIMESTAMP, BOOLEAN, VARCHAR, NULL)", async () => {
    const source = await openSource({ path: vegaData("flights-2k.json") });
    const [batch, ...rest] = await all(source.stream(`SELECT * FROM (VALUES (1.5::DOUBLE, 7::BIGINT, TIMESTAMP '2001-01-02 00:00:01', true, 'x'),
                             (NULL, NULL, NULL, NULL, NULL)) AS t(d, i, ts, b, s)`));
    assert.equal(rest.length, 0);
    assert.equal(batch.length, 2);
    const [d, i, ts, b, s] = batch.columns;
    assert.deepEqual(batch.columns.map((c) => [c.name, c.type]), [
        ["d", "float"],
        ["i", "integer"],
        ["ts", "timestamp"],
        ["b", "boolean"],
        ["s", "string"],
    ]);
    assert.deepEqual([d.values[0], i.values[0], ts.values[0], b.values[0], s.values[0]], [1.5, 7, 978393601000, 1, "x"]);
    for (const c of batch.columns)
        assert.deepEqual([...c.valid], [1, 0], c.name);
    assert.equal(s.values[1], null);
});
test("batches carry the relation's own column types, dates as epoch ms; an unknown column is an InputError", async () => {
    const csv = join(dir, "dates.csv");
    writeFileSync(csv, "day,origin\n2001-01-02,SEA\n,LAX\n");
    const source = await openSource({ path: csv });
    assert.deepEqual(source.columns.map((c) => c.type), ["date", "string"]);
    const [batch] = await all(source.batches({ columns: ["day", "origin"] }));
    const [day, origin] = batch.columns;
    assert.equal(day.type, "date");
    assert.deepEqual([...day.values.slice(0, 1), ...day.valid], [Date.UTC(2001, 0, 2), 1, 0]);
    assert.deepEqual(origin.values, ["SEA", "LAX"]);
    await assert.rejects(all(source.batches({ columns: ["nope"] })), (e) => {
        return e instanceof InputError && /no column named 'nope'/.test(e.message);
    });
});
test("an engine error comes back as a one-line InputError naming the relation", async () => {
    const source = await openSource({ path: vegaData("flights-2k.json") });
    await assert.rejects(source.query(`SELECT no_such_column FROM ${source.sql}`), (e) => {
        return e instanceof InputError && e.message.startsWith("flights-2k.json: ") && !e.message.includes("\n");
    });
    await assert.rejects(all(source.stream("SELECT * FROM no_such_table")), InputError);
});
test("materialized: a CSV is copied into a table once; Parquet is scanned where it is", async () => {
    const csv = join(dir, "t.csv");
    writeFileSync(csv, "a,b\n1,x\n2,y\n3,\n");
    const text = await openSource({ path: csv });
    const table = await text.materialized();
    assert.notEqual(table, text.sql);
    assert.equal(await text.materialized(), table);
    const [row] = await text.query(`SELECT count(*)::DOUBLE AS n, count(b)::DOUBLE AS b FROM ${table}`);
    assert.deepEqual(row, { n: 3, b: 2 });
    const parquet = await openSource({ path: vegaData("flights-3m.parquet") });
    assert.equal(await parquet.materialized(), parquet.sql);
});
test("the dialect quotes every name the SQL engines see: columns with quotes, spaces and keywords", async () => {
    const csv = join(dir, "odd.csv");
    writeFileSync(csv, '"we""ird name",select,"a\'b"\n1,2,3\n4,5,6\n');
    const source = await openSource({ path: csv });
    assert.deepEqual(source.columns.map((c) => c.name), ['we"ird name', "select", "a'b"]);
    const profile = await profileSource(source);
    assert.deepEqual(profile.columns.map((c) => [c.name, c.count, c.min, c.max]), [
        ['we"ird name', 2, 1, 4],
        ["select", 2, 2, 5],
        ["a'b", 2, 3, 6],
    ]);
    assert.equal(source.dialect.number(Number.NaN), "'nan'::DOUBLE");
    const [row] = await source.query(`SELECT ${source.dialect.string("it's")} AS s, ${source.dialect.number(-Infinity)} AS x, isnan(${source.dialect.number(Number.NaN)}) AS nan`);
    assert.deepEqual(row, { s: "it's", x: -Infinity, nan: true });
});
