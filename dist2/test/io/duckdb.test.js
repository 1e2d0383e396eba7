import assert from "node:assert/strict";
import { test } from "node:test";
import { duckdb, queryRows } from "../../src/io/duckdb.js";
test("connections opened at the same time share one DuckDB instance", async () => {
    const [a, b] = await Promise.all([duckdb(), duckdb()]);
    await a.run("CREATE OR REPLACE TABLE shared_probe AS SELECT 42 AS answer");
    const rows = await queryRows(b, "SELECT answer FROM shared_probe");
    assert.deepEqual(rows, [{ answer: 42 }]);
});
