import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { duckdb, queryRows } from "../../src/io/duckdb.js";
import type { SqlDialect } from "../../src/table/dialect.js";
import { bigqueryDialect } from "../../src/table/dialects/bigquery.js";
import { clickhouseDialect } from "../../src/table/dialects/clickhouse.js";
import { postgresDialect } from "../../src/table/dialects/postgres.js";
import { snowflakeDialect } from "../../src/table/dialects/snowflake.js";
import { sparkDialect } from "../../src/table/dialects/spark.js";
import { trinoDialect } from "../../src/table/dialects/trino.js";
import { duckdbDialect } from "../../src/table/duckdb-dialect.js";
import type { ColumnType } from "../../src/table/types.js";
import { fixture } from "../helpers/cli.js";

const DIALECTS: SqlDialect[] = [
  duckdbDialect,
  postgresDialect,
  clickhouseDialect,
  trinoDialect,
  sparkDialect,
  bigqueryDialect,
  snowflakeDialect,
];
const HOSTILE = `a"b 'c' \`d\` \\e; DROP TABLE t; --`;
const TYPES: ColumnType[] = ["integer", "float", "boolean", "string", "date", "timestamp"];

/** Every piece of SQL text a dialect writes, for one hostile name and the special numbers. */
function spell(d: SqlDialect): Record<string, string> {
  const out: Record<string, string> = {
    ident: d.ident(HOSTILE),
    string: d.string(HOSTILE),
    "number(0.1)": d.number(0.1),
    "number(NaN)": d.number(Number.NaN),
    "number(+inf)": d.number(Infinity),
    "number(-inf)": d.number(-Infinity),
    stringList: d.stringList(["x", "y'z"]),
    numbered: d.numbered("t"),
    double: d.double("count(*)"),
    isNan: d.isNan("v"),
    matches: d.matches("v", "^[0-9]+$"),
  };
  for (const type of TYPES)
    out[`batchValue(${type})`] = d.batchValue({ name: "col", type, sourceType: type });
  return out;
}

test("golden SQL: each dialect's quoting, literals, casts and functions (test/fixtures/dialects/golden.json)", () => {
  const golden = JSON.parse(readFileSync(fixture("dialects", "golden.json"), "utf8"));
  assert.deepEqual(Object.keys(golden).sort(), DIALECTS.map((d) => d.name).sort());
  for (const d of DIALECTS) assert.deepEqual(spell(d), golden[d.name], d.name);
});

test("the double-quoting dialects' names and literals, run in DuckDB, read back the hostile text", async () => {
  // Trino and Snowflake (string escape aside) quote names as DuckDB does; PostgreSQL's literals are DuckDB's.
  const conn = await duckdb();
  for (const d of [postgresDialect, trinoDialect]) {
    await conn.run(
      `CREATE OR REPLACE TEMP TABLE ${d.ident(HOSTILE)} AS SELECT ${d.string(HOSTILE)} AS ${d.ident(HOSTILE)}`,
    );
    const [row] = await queryRows(conn, `SELECT ${d.ident(HOSTILE)} AS v FROM ${d.ident(HOSTILE)}`);
    assert.equal(row.v, HOSTILE, d.name);
    const [n] = await queryRows(
      conn,
      `SELECT ${d.double("count(*)")} AS n, ${d.number(0.1)} AS x FROM ${d.ident(HOSTILE)}`,
    );
    assert.deepEqual(n, { n: 1, x: 0.1 }, d.name);
  }
});
