import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { duckdb } from "../../src/io/duckdb.js";
import { openSource } from "../../src/io/source.js";
import { profileSource } from "../../src/profile/sql.js";
import { vegaData } from "../helpers/cli.js";
test("CSV, TSV, Parquet, JSON, NDJSON and Arrow copies of the same flights read as the same table", async () => {
    const dir = mkdtempSync(join(tmpdir(), "assay-formats-"));
    const conn = await duckdb();
    const from = `SELECT * FROM read_json('${vegaData("flights-2k.json")}')`;
    const files = {
        csv: join(dir, "f.csv"),
        tsv: join(dir, "f.tsv"),
        parquet: join(dir, "f.parquet"),
        json: join(dir, "f.json"),
        ndjson: join(dir, "f.ndjson"),
    };
    await conn.run(`COPY (${from}) TO '${files.csv}' (HEADER)`);
    await conn.run(`COPY (${from}) TO '${files.tsv}' (HEADER, DELIMITER '\t')`);
    await conn.run(`COPY (${from}) TO '${files.parquet}' (FORMAT parquet)`);
    await conn.run(`COPY (${from}) TO '${files.json}' (FORMAT json, ARRAY true)`);
    await conn.run(`COPY (${from}) TO '${files.ndjson}' (FORMAT json)`);
    const reference = await profileSource(await openSource({ path: vegaData("flights-2k.json") }));
    for (const [format, path] of Object.entries(files)) {
        const source = await openSource({ path });
        assert.deepEqual(source.columns.map((c) => c.name), ["date", "delay", "distance", "origin", "destination"], format);
        const profile = await profileSource(source);
        assert.equal(profile.rows, 2000, format);
        for (const name of ["delay", "distance", "origin"]) {
            const a = profile.columns.find((c) => c.name === name);
            const e = reference.columns.find((c) => c.name === name);
            assert.equal(a.count, e.count, `${format} ${name} count`);
            assert.equal(a.distinct, e.distinct, `${format} ${name} distinct`);
            assert.deepEqual(a.quantiles, e.quantiles, `${format} ${name} quantiles`);
            assert.deepEqual(a.top, e.top, `${format} ${name} top`);
        }
    }
    // Arrow IPC (flights-200k.arrow ships with vega-datasets) through apache-arrow into DuckDB
    const arrow = await openSource({ path: vegaData("flights-200k.arrow") });
    assert.equal(await arrow.rowCount(), 200_000);
    assert.deepEqual(arrow.columns.map((c) => `${c.name}:${c.type}`), ["delay:integer", "distance:integer", "time:float"]);
});
test("batches are columnar: typed arrays with validity, offsets that number the rows", async () => {
    const source = await openSource({ path: vegaData("flights-200k.arrow") });
    let rows = 0;
    let batches = 0;
    for await (const batch of source.batches({ columns: ["delay", "time"] })) {
        assert.equal(batch.offset, rows);
        assert.ok(batch.columns[0].values instanceof Float64Array);
        assert.ok(batch.columns[0].valid instanceof Uint8Array);
        assert.equal(batch.columns[1].type, "float");
        rows += batch.length;
        batches++;
    }
    assert.equal(rows, await source.rowCount());
    assert.ok(batches > 10, "streamed in many batches, not one");
});
